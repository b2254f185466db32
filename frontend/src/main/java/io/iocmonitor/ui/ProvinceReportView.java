package io.iocmonitor.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;

import io.iocmonitor.base.Ict;
import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Target;
import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.outage.OutageService;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;
import jakarta.annotation.security.PermitAll;

/**
 * The printable report of a province for a period ({@code /report/01?period=last-month}): no navigation around
 * it, a print stylesheet ({@code @media print} in styles.css), its KPIs, communes ranked and outage count. The same
 * scope rule as the province view.
 */
@Route(value = "report", autoLayout = false)
@PermitAll
public class ProvinceReportView extends VerticalLayout implements HasUrlParameter<String> {

    private final KpiService kpis;
    private final OutageService outages;
    private final ReferenceData reference;
    private final Leagues leagues;
    private final TargetService targets;
    private final Clock clock;

    ProvinceReportView(KpiService kpis, OutageService outages, ReferenceData reference, Leagues leagues,
            TargetService targets, Clock clock) {
        this.targets = targets;
        this.kpis = kpis;
        this.outages = outages;
        this.reference = reference;
        this.leagues = leagues;
        this.clock = clock;
        addClassName("report");
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        removeAll();
        PeriodPreset preset = event.getLocation().getQueryParameters().getSingleParameter("period")
                .flatMap(PeriodPreset::fromWire).orElse(PeriodPreset.THIS_MONTH);
        ProvinceScope scope = CurrentScope.get();
        Province province = reference.province(code).orElse(null);
        if (province == null || !scope.allows(code)) {
            add(new AccessDenied(code));
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Ict.ZONE));
        PeriodPreset.Range range = preset.range(today);
        TimeFormat time = new TimeFormat(getLocale());
        H1 title = new H1(getTranslation("report.title", province.name()));
        title.setId("report-title");
        Paragraph period = new Paragraph(getTranslation("report.period", getTranslation(preset.translationKey()),
                time.date(range.from()), time.date(range.to().minusDays(1)), time.dateTime(clock.instant())));
        Button print = new Button(getTranslation("report.print"),
                e -> e.getSource().getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addClassName("no-print");

        DossierCounts counts = kpis.dossierKpis(new KpiQuery(range.from(), range.to(), GroupBy.NONE, code), scope)
                .rows().getFirst();
        Map<Kpi, Target> goals = targets.effective(code, today, scope);
        KpiTiles tiles = new KpiTiles("report-kpis", kpis.properties());
        tiles.show(counts, goals);
        LeagueGrid communes = new LeagueGrid("report-commune-table", getTranslation("column.commune"), row -> { });
        communes.show(leagues.table(Kpi.FULL_PROCESS_ONLINE_RATE, range, code, scope),
                goals.get(Kpi.FULL_PROCESS_ONLINE_RATE));
        long outageCount = outages.outages(range.from(), range.to(), code, scope).size();
        add(print, title, period, tiles, new H3(getTranslation("province.communes")), communes,
                new Paragraph(getTranslation("report.outages", new RateFormat(getLocale()).count(outageCount))));
    }
}
