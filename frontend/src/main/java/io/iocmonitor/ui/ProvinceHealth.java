package io.iocmonitor.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import io.iocmonitor.kpi.DataQuality;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.SyncStatus;
import io.iocmonitor.kpi.Target;
import io.iocmonitor.kpi.VneidCounts;

/**
 * A province's systems and data (SPEC §5): VNeID success and latency, availability, reporting completeness,
 * freshness and validity of its data, and the latest state of each portal synchronisation against the lag target.
 */
class ProvinceHealth extends Div {

    /** What the tiles and the sync table show. */
    record Figures(VneidCounts vneid, Rate availability, @Nullable DataQuality quality, List<SyncStatus> sync,
            Map<Kpi, Target> targets, int minSample) {
    }

    private final RateFormat format;
    private Div sync = new Div();

    ProvinceHealth() {
        format = new RateFormat(getLocale());
        setId("province-health");
        addClassName("wide");
    }

    void show(Figures f) {
        removeAll();
        Rate success = f.vneid().successRate(f.minSample());
        Div tiles = new Div(
                rateTile("vneid-success", Kpi.VNEID_SUCCESS_RATE, success, f.targets()),
                new KpiTile("vneid-p50", getTranslation("vneid.p50"), latency(f.vneid().p50LatencyMs()), "", null),
                new KpiTile("vneid-p95", getTranslation("vneid.p95"), latency(f.vneid().p95LatencyMs()), "", null),
                rateTile("availability", Kpi.AVAILABILITY, f.availability(), f.targets()));
        tiles.setId("vneid-health");
        tiles.addClassName("kpi-tiles");
        DataQuality quality = f.quality();
        if (quality != null) {
            tiles.add(rateTile("completeness", Kpi.REPORTING_COMPLETENESS, quality.completeness(), f.targets()),
                    new KpiTile("freshness", getTranslation("quality.freshness"), quality.freshnessSeconds() == null
                            ? "–" : TimeFormat.duration(Duration.ofSeconds(quality.freshnessSeconds())), "", null),
                    new KpiTile("rejected", getTranslation("quality.rejected"), format.rate(quality.rejected()),
                            format.count(quality.rejected().numerator()) + " / "
                                    + format.count(quality.rejected().denominator()), null));
        }
        sync = syncTable(f.sync(), f.targets().get(Kpi.SYNC_LAG_SECONDS));
        add(tiles, sync);
    }

    /** The sync table of the figures shown, for links that point at it. */
    Div syncTable() {
        return sync;
    }

    private KpiTile rateTile(String id, Kpi kpi, Rate rate, Map<Kpi, Target> targets) {
        Target target = targets.get(kpi);
        String detail = format.count(rate.numerator()) + " / " + format.count(rate.denominator());
        if (target != null) {
            detail += " · " + getTranslation("overview.target", format.percent(target.value()));
        }
        return new KpiTile(id, getTranslation(DossierRates.translationKey(kpi)), format.rate(rate), detail,
                DossierRates.status(rate, target));
    }

    private Div syncTable(List<SyncStatus> sync, @Nullable Target lagTarget) {
        Grid<SyncStatus> grid = new Grid<>();
        ExportLinks<SyncStatus> export = new ExportLinks<>(grid, "sync-table");
        TimeFormat time = new TimeFormat(getLocale());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        export.column(getTranslation("sync.system"), SyncStatus::system);
        export.column(getTranslation("outage.commune"), SyncStatus::commune);
        export.column(getTranslation("sync.pending"), SyncStatus::pending, s -> format.count(s.pending()))
                .setTextAlign(ColumnTextAlign.END);
        export.column(getTranslation("sync.failed"), SyncStatus::failed, s -> format.count(s.failed()))
                .setTextAlign(ColumnTextAlign.END);
        export.column(getTranslation("kpi.syncLagSeconds"), SyncStatus::lagSeconds,
                s -> TimeFormat.duration(Duration.ofSeconds(s.lagSeconds()))).setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(s -> lagTarget == null ? null
                        : s.withinTarget(lagTarget.value()) ? "reached" : "below");
        export.column(getTranslation("sync.reported"), s -> s.ts().toString(), s -> time.dateTime(s.ts()));
        export.setItems(sync);
        Div table = new Div(new H3(getTranslation("sync.title")), export.links(), grid);
        table.setId("province-sync");
        return table;
    }

    private String latency(@Nullable Double millis) {
        return millis == null ? "–" : format.count(Math.round(millis)) + " ms";
    }
}
