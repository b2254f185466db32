package io.iocmonitor.ui;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Div;

import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.KpiProperties;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.Target;

/** Every dossier KPI of SPEC §5 for one place and period, as tiles: rates against their targets, then counts. */
class KpiTiles extends Div {

    private final KpiProperties properties;
    private final RateFormat format;

    KpiTiles(String id, KpiProperties properties) {
        this.properties = properties;
        this.format = new RateFormat(getLocale());
        setId(id);
        addClassName("kpi-tiles");
    }

    /** Shows the counts' rates against {@code targets} (those of the place and day), then the counts. */
    void show(DossierCounts counts, Map<Kpi, Target> targets) {
        removeAll();
        int minSample = properties.minSample();
        for (Kpi kpi : DossierRates.ALL) {
            Rate rate = DossierRates.rate(kpi, counts, minSample);
            Target target = targets.get(kpi);
            add(new KpiTile("kpi-" + kpi.wireName(),
                    getTranslation(DossierRates.translationKey(kpi)), format.rate(rate), detail(rate, target),
                    DossierRates.status(rate, target)));
        }
        count("received", counts.received(), null);
        count("completed", counts.completed(), null);
        count("overdue-completed", counts.overdueCompleted(), counts.overdueCompleted() > 0 ? "below" : null);
        count("overdue-open", counts.overdueOpen(), counts.overdueOpen() > 0 ? "below" : null);
        count("nearly-overdue", counts.nearlyOverdue(), null);
    }

    private void count(String name, long value, @Nullable String status) {
        add(new KpiTile("kpi-" + name, getTranslation("kpi." + name), format.count(value), "", status));
    }

    private String detail(Rate rate, @Nullable Target target) {
        String counts = format.count(rate.numerator()) + " / " + format.count(rate.denominator());
        if (rate.insufficient()) {
            counts += " · " + getTranslation("kpi.insufficient");
        }
        return target == null ? counts : counts + " · " + getTranslation("overview.target", format.percent(target.value()));
    }
}
