package io.iocmonitor.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

import io.iocmonitor.alerting.DashboardLinks;
import io.iocmonitor.base.Ict;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.SignalKpiService;
import io.iocmonitor.kpi.SlaBreachService;
import io.iocmonitor.kpi.Target;
import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.outage.OutageService;
import io.iocmonitor.reference.Commune;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;
import jakarta.annotation.security.PermitAll;

/**
 * One province (SPEC §7): its KPIs against targets, trends, its communes ranked, the outage timeline, the SLA
 * breach list and VNeID health. The province comes from the URL ({@code /province/01}); one outside the user's
 * scope shows an access-denied message and nothing of it, and every service call is cut to the scope again.
 */
@Route(value = "province", layout = MainLayout.class)
@PermitAll
public class ProvinceView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final KpiService kpis;
    private final OutageService outages;
    private final SlaBreachService breaches;
    private final ReferenceData reference;
    private final Leagues leagues;
    private final TargetService targets;
    private final SignalKpiService signals;
    private final Clock clock;
    private final PeriodSelect period = new PeriodSelect();
    private final KpiSelect rankedBy = new KpiSelect("commune-kpi", "league.kpi");
    private String title = "IOC Monitor";
    private String code = "";
    /** The part an alert's evidence link asks to bring into sight ({@code ?show=outages}), once. */
    private DashboardLinks.@Nullable Section shown;

    ProvinceView(KpiService kpis, OutageService outages, SlaBreachService breaches, ReferenceData reference,
            Leagues leagues, TargetService targets, SignalKpiService signals, Clock clock) {
        this.kpis = kpis;
        this.outages = outages;
        this.breaches = breaches;
        this.reference = reference;
        this.leagues = leagues;
        this.targets = targets;
        this.signals = signals;
        this.clock = clock;
        setWidthFull();
        period.addValueChangeListener(e -> show(code));
        rankedBy.addValueChangeListener(e -> show(code));
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        period.takeFrom(event.getLocation());
        shown = event.getLocation().getQueryParameters().getSingleParameter(DashboardLinks.SHOW)
                .flatMap(DashboardLinks.Section::fromWire).orElse(null);
        show(parameter);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** Shows the province {@code provinceCode}, or the access-denied message. */
    void show(String provinceCode) {
        this.code = provinceCode;
        removeAll();
        ProvinceScope scope = CurrentScope.get();
        Province province = reference.province(provinceCode).orElse(null);
        if (province == null || !scope.allows(provinceCode)) {
            add(new AccessDenied(provinceCode));
            return;
        }
        title = province.name() + " · IOC Monitor";
        LocalDate today = LocalDate.now(clock.withZone(Ict.ZONE));
        PeriodPreset.Range range = period.getValue().range(today);
        Map<String, String> communeNames = reference.communes(provinceCode).stream()
                .collect(Collectors.toMap(Commune::code, Commune::name));
        Function<String, String> communeName = c -> communeNames.getOrDefault(c, c);
        Instant now = clock.instant();

        H2 heading = new H2(province.name());
        heading.setId("province-name");
        RouterLink report = new RouterLink(getTranslation("report.open"), ProvinceReportView.class, provinceCode);
        report.setQueryParameters(QueryParameters.of("period", period.getValue().wireName()));
        report.setId("report-link");
        HorizontalLayout header = new HorizontalLayout(heading, report, period);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(heading);

        Map<Kpi, Target> goals = targets.effective(provinceCode, today, scope);
        KpiTiles tiles = new KpiTiles("province-kpis", kpis.properties());
        tiles.show(kpis.dossierKpis(new KpiQuery(range.from(), range.to(), GroupBy.NONE, provinceCode), scope)
                .rows().getFirst(), goals);
        tiles.addComponentAsFirst(TrajectoryTiles.of(this, getLocale(), targets.trajectory(provinceCode, scope)));

        TrendChart trend = new TrendChart(kpis);
        trend.show(provinceCode, scope, today);

        LeagueGrid communes = new LeagueGrid("commune-table", getTranslation("column.commune"),
                row -> getUI().ifPresent(ui -> ui.navigate(CommuneView.class, row.code())));
        communes.show(leagues.table(rankedBy.getValue(), range, provinceCode, scope), goals.get(rankedBy.getValue()));
        Div communeCard = new Div(new H3(getTranslation("province.communes")), rankedBy, communes);
        communeCard.addClassNames("card", "wide");

        OutageTimeline timeline = new OutageTimeline(communeName);
        timeline.show(outages.outages(range.from(), range.to(), provinceCode, scope), Ict.startOf(range.from()),
                Ict.startOf(range.to()), now, communeName);

        SlaBreachTable sla = new SlaBreachTable(communeName);
        sla.show(breaches.breaches(range.from(), range.to(), provinceCode, null, SlaBreachTable.SHOWN, scope), now);

        ProvinceHealth health = new ProvinceHealth();
        health.show(new ProvinceHealth.Figures(
                kpis.vneidKpis(new KpiQuery(range.from(), range.to(), GroupBy.NONE, provinceCode), scope).rows()
                        .getFirst(),
                signals.availability(GroupBy.NONE, range.from(), range.to(), provinceCode, scope)
                        .getOrDefault("all", Rate.of(0, 0, kpis.properties().minSample())),
                signals.dataQuality(range.from(), range.to(), provinceCode, scope).stream().findFirst().orElse(null),
                signals.syncStatus(provinceCode, scope), goals, kpis.properties().minSample()));

        H3 healthHeading = section("province.vneid");
        H3 outagesHeading = section("province.outages");
        H3 slaHeading = section("province.sla");
        add(header, tiles, section("province.trend"), trend, healthHeading, health,
                communeCard, outagesHeading, timeline, slaHeading, sla);
        DashboardLinks.Section wanted = shown;
        if (wanted != null) {
            shown = null;
            Component target = switch (wanted) {
                case KPIS -> tiles;
                case HEALTH -> healthHeading;
                case SYNC -> health.syncTable();
                case OUTAGES -> outagesHeading;
                case SLA -> slaHeading;
            };
            target.getElement().setAttribute("data-evidence", wanted.wireName());
            target.scrollIntoView();
        }
    }

    private H3 section(String key) {
        return new H3(getTranslation(key));
    }

}
