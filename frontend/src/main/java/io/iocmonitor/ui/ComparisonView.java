package io.iocmonitor.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.iocmonitor.echarts.EChart;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Comparing localities (SPEC §7), for inspectors and anyone within their scope: a league table of provinces, or of
 * the communes of one province, for any KPI and period, with rank change against the previous period and outliers
 * (Tukey's fences, see {@link io.iocmonitor.comparison.Outliers}); and chosen localities side by side on every KPI.
 */
@Route(value = "compare", layout = MainLayout.class)
@PageTitle("IOC Monitor")
@PermitAll
public class ComparisonView extends VerticalLayout implements BeforeEnterObserver {

    /** The level select's value for "the provinces" (else a province code: its communes). */
    static final String PROVINCES = "";

    private final Leagues leagues;
    private final KpiService kpis;
    private final Clock clock;
    private final ProvinceScope scope;
    private final Select<DossierKpi> kpi = new Select<>();
    private final PeriodSelect period = new PeriodSelect();
    private final Select<String> level = new Select<>();
    private final LeagueGrid league;
    private final MultiSelectComboBox<LeagueRow> picked = new MultiSelectComboBox<>();
    private final EChart sideBySideChart = new EChart();
    private final Grid<LeagueRow> sideBySide = new Grid<>();
    private final ExportLinks<LeagueRow> sideBySideExport;
    private final RateFormat format;

    ComparisonView(Leagues leagues, KpiService kpis, ReferenceData reference, Clock clock) {
        this.leagues = leagues;
        this.kpis = kpis;
        this.clock = clock;
        this.scope = CurrentScope.get();
        this.format = new RateFormat(getLocale());
        setWidthFull();

        kpi.setId("compare-kpi");
        kpi.setLabel(getTranslation("league.kpi"));
        kpi.setItems(DossierKpi.values());
        kpi.setItemLabelGenerator(k -> getTranslation(k.translationKey()));
        kpi.setValue(DossierKpi.FULL_PROCESS_ONLINE);
        List<String> levels = new ArrayList<>();
        levels.add(PROVINCES);
        reference.provinces().stream().map(Province::code).filter(scope::allows).forEach(levels::add);
        level.setId("compare-level");
        level.setLabel(getTranslation("compare.level"));
        level.setItems(levels);
        level.setItemLabelGenerator(l -> l.equals(PROVINCES) ? getTranslation("compare.level.provinces")
                : getTranslation("compare.level.communes", leagues.provinceName(l)));
        level.setValue(PROVINCES);
        kpi.addValueChangeListener(e -> refresh());
        period.addValueChangeListener(e -> refresh());
        level.addValueChangeListener(e -> refresh());

        H2 title = new H2(getTranslation("compare.title"));
        HorizontalLayout header = new HorizontalLayout(title, kpi, level, period);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.END);
        header.expand(title);
        header.setWrap(true);

        league = new LeagueGrid("league-table", getTranslation("compare.locality"), kpis.properties(), this::drillDown);
        Paragraph method = new Paragraph(getTranslation("compare.method", kpis.properties().minSample()));
        method.addClassName("hint");
        Div leagueCard = new Div(new H3(getTranslation("compare.league")), method, league);
        leagueCard.addClassNames("card", "wide");

        picked.setId("compare-pick");
        picked.setLabel(getTranslation("compare.pick"));
        picked.setItemLabelGenerator(LeagueRow::name);
        picked.setWidth("min(100%, 40rem)");
        picked.addValueChangeListener(e -> showSideBySide());
        sideBySideChart.setId("compare-chart");
        sideBySideChart.setHeight("320px");
        sideBySideExport = new ExportLinks<>(sideBySide, "compare-table");
        sideBySide.addThemeVariants(GridVariant.LUMO_COMPACT);
        sideBySide.setAllRowsVisible(true);
        sideBySideExport.column(getTranslation("column.code"), LeagueRow::code).setWidth("90px").setFlexGrow(0);
        sideBySideExport.column(getTranslation("compare.locality"), LeagueRow::name).setFlexGrow(2);
        int minSample = kpis.properties().minSample();
        for (DossierKpi k : DossierKpi.values()) {
            sideBySideExport.column(getTranslation(k.translationKey()), r -> k.rate(r.counts(), minSample).value(),
                    r -> rateText(k.rate(r.counts(), minSample))).setTextAlign(ColumnTextAlign.END);
        }
        Div compareCard = new Div(new H3(getTranslation("compare.side-by-side")), picked, sideBySideChart,
                sideBySideExport.links(), sideBySide);
        compareCard.addClassNames("card", "wide");

        add(header, leagueCard, compareCard);
        refresh();
    }

    /** {@code ?pick=01,79}: localities to put side by side from the start, e.g. from a shared link. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("pick").ifPresent(codes -> {
            Set<String> wanted = Set.of(codes.split(","));
            picked.setValue(picked.getListDataView().getItems().filter(r -> wanted.contains(r.code())).toList());
        });
    }

    private void refresh() {
        PeriodPreset.Range range = period.range(clock);
        String province = level.getValue().equals(PROVINCES) ? null : level.getValue();
        List<LeagueRow> rows = leagues.table(kpi.getValue(), range, province, scope);
        league.show(kpi.getValue(), rows);
        Set<String> before = new HashSet<>();
        picked.getValue().forEach(r -> before.add(r.code()));
        picked.setItems(rows.stream().sorted(Comparator.comparing(LeagueRow::code)).toList());
        picked.setValue(rows.stream().filter(r -> before.contains(r.code())).toList());
        showSideBySide();
    }

    private void showSideBySide() {
        List<LeagueRow> chosen = picked.getValue().stream().sorted(Comparator.comparing(LeagueRow::code)).toList();
        sideBySideExport.setItems(chosen);
        int minSample = kpis.properties().minSample();
        ObjectNode option = EChart.newOption();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 48).put("right", 24).put("top", 40).put("bottom", 90);
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category");
        xAxis.putObject("axisLabel").put("rotate", 30).put("interval", 0);
        ArrayNode names = xAxis.putArray("data");
        for (DossierKpi k : DossierKpi.values()) {
            names.add(getTranslation(k.translationKey()));
        }
        option.putObject("yAxis").put("type", "value").put("max", 100)
                .putObject("axisLabel").put("formatter", "{value} %");
        ArrayNode series = option.putArray("series");
        for (LeagueRow row : chosen) {
            ArrayNode data = series.addObject().put("type", "bar").put("name", row.name()).putArray("data");
            for (DossierKpi k : DossierKpi.values()) {
                Rate rate = k.rate(row.counts(), minSample);
                if (rate.value() == null) {
                    data.add("-");
                } else {
                    data.add(RateFormat.percentValue(rate));
                }
            }
        }
        sideBySideChart.setOption(option);
    }

    private String rateText(Rate rate) {
        return format.rate(rate, getTranslation("kpi.insufficient"));
    }

    private void drillDown(LeagueRow row) {
        getUI().ifPresent(ui -> ui.navigate(level.getValue().equals(PROVINCES) ? ProvinceView.class
                : CommuneView.class, row.code()));
    }
}
