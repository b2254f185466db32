package io.iocmonitor.ui;

import java.time.Clock;
import java.util.Optional;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.SlaBreachService;
import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.reference.Commune;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;
import jakarta.annotation.security.PermitAll;

/** One commune ({@code /commune/00004}): its dossier KPIs and SLA breaches, within the user's scope only. */
@Route(value = "commune", layout = MainLayout.class)
@PermitAll
public class CommuneView extends VerticalLayout implements HasUrlParameter<String> {

    private final KpiService kpis;
    private final SlaBreachService breaches;
    private final ReferenceData reference;
    private final TargetService targets;
    private final Clock clock;
    private final PeriodSelect period = new PeriodSelect();
    private String code = "";

    CommuneView(KpiService kpis, SlaBreachService breaches, ReferenceData reference, TargetService targets,
            Clock clock) {
        this.targets = targets;
        this.kpis = kpis;
        this.breaches = breaches;
        this.reference = reference;
        this.clock = clock;
        setWidthFull();
        period.addValueChangeListener(e -> show());
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        period.takeFrom(event.getLocation());
        code = parameter;
        show();
    }

    private void show() {
        removeAll();
        ProvinceScope scope = CurrentScope.get();
        Optional<Province> province = reference.provinces().stream()
                .filter(p -> reference.isCommuneOf(p.code(), code)).findFirst();
        if (province.isEmpty() || !scope.allows(province.get().code())) {
            add(new AccessDenied(code));
            return;
        }
        String provinceCode = province.get().code();
        String name = reference.communes(provinceCode).stream().filter(c -> c.code().equals(code))
                .map(Commune::name).findFirst().orElse(code);
        PeriodPreset.Range range = period.range(clock);

        H2 heading = new H2(name);
        heading.setId("commune-name");
        RouterLink up = new RouterLink(province.get().name(), ProvinceView.class, provinceCode);
        up.setId("province-link");
        HorizontalLayout header = new HorizontalLayout(heading, up, period);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(heading);

        DossierCounts counts = kpis.dossierKpis(new KpiQuery(range.from(), range.to(), GroupBy.COMMUNE, provinceCode),
                scope).rows().stream().filter(r -> r.key().equals(code)).findFirst()
                .orElse(DossierCounts.zero(code));
        KpiTiles tiles = new KpiTiles("commune-kpis", kpis.properties());
        tiles.show(counts, targets.effective(provinceCode, targets.today(), scope));

        SlaBreachTable sla = new SlaBreachTable(c -> c.equals(code) ? name : c);
        sla.show(breaches.breaches(range.from(), range.to(), provinceCode, code, SlaBreachTable.SHOWN, scope),
                clock.instant());
        add(header, tiles, new H3(getTranslation("province.sla")), sla);
    }
}
