package io.iocmonitor.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

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
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.CompositeIndex;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.SignalKpiService;
import io.iocmonitor.kpi.TargetService;
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
    private final KpiSelect kpi = new KpiSelect("compare-kpi", "league.kpi");
    private final PeriodSelect period = new PeriodSelect();
    private final Select<String> level = new Select<>();
    private final LeagueGrid league;
    private final MultiSelectComboBox<LeagueRow> picked = new MultiSelectComboBox<>();
    private final EChart sideBySideChart = new EChart();
    private final Grid<LeagueRow> sideBySide = new Grid<>();
    private final ExportLinks<LeagueRow> sideBySideExport;
    private final RateFormat format;
    private final TargetService targets;
    private final SignalKpiService signals;
    private final Grid<CompositeIndex.Score> index = new Grid<>();
    private final ExportLinks<CompositeIndex.Score> indexExport;
    private Map<String, String> names = Map.of();

    ComparisonView(Leagues leagues, KpiService kpis, ReferenceData reference, TargetService targets,
            SignalKpiService signals, Clock clock) {
        this.targets = targets;
        this.signals = signals;
        this.leagues = leagues;
        this.kpis = kpis;
        this.clock = clock;
        this.scope = CurrentScope.get();
        this.format = new RateFormat(getLocale());
        setWidthFull();

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

        league = new LeagueGrid("league-table", getTranslation("compare.locality"), this::drillDown);
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
        for (Kpi k : DossierRates.ALL) {
            sideBySideExport.column(getTranslation(DossierRates.translationKey(k)),
                    r -> DossierRates.rate(k, r.counts(), minSample).value(),
                    r -> rateText(DossierRates.rate(k, r.counts(), minSample))).setTextAlign(ColumnTextAlign.END);
        }
        Div compareCard = new Div(new H3(getTranslation("compare.side-by-side")), picked, sideBySideChart,
                sideBySideExport.links(), sideBySide);
        compareCard.addClassNames("card", "wide");

        indexExport = new ExportLinks<>(index, "index-table");
        index.addThemeVariants(GridVariant.LUMO_COMPACT);
        index.setAllRowsVisible(true);
        indexExport.column(getTranslation("column.code"), CompositeIndex.Score::key).setWidth("90px").setFlexGrow(0);
        indexExport.column(getTranslation("compare.locality"), s -> names.getOrDefault(s.key(), s.key()))
                .setFlexGrow(2);
        indexExport.column(getTranslation("index.score"), CompositeIndex.Score::score,
                s -> s.score() == null ? "–" : format.decimal(s.score())).setTextAlign(ColumnTextAlign.END);
        indexExport.column(getTranslation("index.band"), s -> s.band() == null ? getTranslation("kpi.insufficient")
                : getTranslation("index.band." + s.band().wireName()))
                .setPartNameGenerator(s -> s.band() == null ? "insufficient" : switch (s.band()) {
                    case EXCELLENT, GOOD -> "reached";
                    case FAIR -> null;
                    case MEDIUM, WEAK -> "below";
                });
        for (CompositeIndex.Group group : CompositeIndex.Group.values()) {
            indexExport.column(getTranslation("index.group." + group.wireName()), s -> s.groups().get(group),
                    s -> s.groups().containsKey(group) ? format.percent(s.groups().get(group)) : "–")
                    .setTextAlign(ColumnTextAlign.END);
        }
        Paragraph indexMethod = new Paragraph(getTranslation("index.method"));
        indexMethod.addClassName("hint");
        Div indexCard = new Div(new H3(getTranslation("index.title")), indexMethod, indexExport.links(), index);
        indexCard.addClassNames("card", "wide");

        add(header, leagueCard, compareCard, indexCard);
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
        league.show(rows, targets.effective(kpi.getValue(), province, targets.today(), scope).orElse(null));
        showIndex(range, province, rows);
        Set<String> before = new HashSet<>();
        picked.getValue().forEach(r -> before.add(r.code()));
        picked.setItems(rows.stream().sorted(Comparator.comparing(LeagueRow::code)).toList());
        picked.setValue(rows.stream().filter(r -> before.contains(r.code())).toList());
        showSideBySide();
    }

    /** The composite index of the same localities, best first; those without any measured group last. */
    private void showIndex(PeriodPreset.Range range, @Nullable String province, List<LeagueRow> rows) {
        names = rows.stream().collect(Collectors.toMap(LeagueRow::code, LeagueRow::name));
        indexExport.setItems(signals.index(range.from(), range.to(),
                        province == null ? GroupBy.PROVINCE : GroupBy.COMMUNE, province, scope).stream()
                .sorted(Comparator.comparing((CompositeIndex.Score s) -> s.score() == null ? -1 : s.score())
                        .reversed())
                .toList());
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
        for (Kpi k : DossierRates.ALL) {
            names.add(getTranslation(DossierRates.translationKey(k)));
        }
        option.putObject("yAxis").put("type", "value").put("max", 100)
                .putObject("axisLabel").put("formatter", "{value} %");
        ArrayNode series = option.putArray("series");
        for (LeagueRow row : chosen) {
            ArrayNode data = series.addObject().put("type", "bar").put("name", row.name()).putArray("data");
            for (Kpi k : DossierRates.ALL) {
                Rate rate = DossierRates.rate(k, row.counts(), minSample);
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
