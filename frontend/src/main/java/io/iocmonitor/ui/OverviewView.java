package io.iocmonitor.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import io.iocmonitor.echarts.EChart;
import io.iocmonitor.kpi.DataQuality;
import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.kpi.Rate;
import io.iocmonitor.kpi.SignalKpiService;
import io.iocmonitor.kpi.Target;
import io.iocmonitor.kpi.TargetService;
import io.iocmonitor.outage.OutageService;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import io.iocmonitor.security.ProvinceScope;
import jakarta.annotation.security.PermitAll;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The national overview: the full-process online rate against its 80 % target, for the nation (or the user's
 * province) on a gauge, per province on a bar chart with the target line, and in a sortable table with numerator
 * and denominator. Refreshed while open, since the figures move with live telemetry.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("IOC Monitor")
@PermitAll
public class OverviewView extends VerticalLayout implements BeforeEnterObserver {

    private static final int REFRESH_MS = 15_000;
    /** A province whose newest event is older than this is shown as stale (SPEC: "live" data). */
    private static final long STALE_SECONDS = 15 * 60;
    private static final String COLOUR_BELOW = "#c62828";
    private static final String COLOUR_REACHED = "#2e7d32";
    private static final String COLOUR_INSUFFICIENT = "#9e9e9e";

    /** One province's line in the table. */
    record ProvinceRow(Province province, DossierCounts counts, Rate rate, Rate onlineSubmission) {
    }

    private final KpiService kpis;
    private final ReferenceData reference;
    private final OutageService outages;
    private final TargetService targets;
    private final SignalKpiService signals;
    private Map<Kpi, Target> goals = Map.of();
    private final Clock clock;
    private final KpiSelect tileKpi = new KpiSelect("tile-kpi", "overview.tiles");
    private final Div tiles = new Div();
    private final Div statusCounts = new Div();
    private List<ProvinceRow> rows = List.of();
    private final PeriodSelect period = new PeriodSelect();
    private final EChart gauge = new EChart();
    private final EChart bars = new EChart();
    private final Span nationalCounts = new Span();
    private final Grid<ProvinceRow> table = new Grid<>();
    private final RateFormat format;
    private Registration pollRegistration;

    OverviewView(KpiService kpis, ReferenceData reference, OutageService outages, TargetService targets,
            SignalKpiService signals, Clock clock) {
        this.targets = targets;
        this.signals = signals;
        this.kpis = kpis;
        this.reference = reference;
        this.outages = outages;
        this.clock = clock;
        this.format = new RateFormat(getLocale());
        setWidthFull();
        period.addValueChangeListener(e -> refresh());

        H2 title = new H2(getTranslation("overview.title"));
        HorizontalLayout heading = new HorizontalLayout(title, period);
        heading.setWidthFull();
        heading.setAlignItems(FlexComponent.Alignment.END);
        heading.expand(title);

        gauge.setId("national-gauge");
        gauge.setHeight("300px");
        nationalCounts.setId("national-counts");
        Div gaugeCard = new Div(gauge, nationalCounts);
        gaugeCard.addClassName("card");
        gaugeCard.setWidth("340px");

        bars.setId("province-chart");
        bars.setHeight("340px");
        Div barCard = new Div(bars);
        barCard.addClassName("card");
        HorizontalLayout charts = new HorizontalLayout(gaugeCard, barCard);
        charts.setWidthFull();
        charts.expand(barCard);
        charts.setWrap(true);

        bars.addChartClickListener(e -> {
            if (e.getDataIndex() >= 0 && e.getDataIndex() < rows.size()) {
                open(rows.get(e.getDataIndex()).province().code());
            }
        });
        tileKpi.addValueChangeListener(e -> showTiles());
        tiles.setId("province-tiles");
        tiles.addClassName("province-tiles");
        statusCounts.setId("status-counts");
        statusCounts.addClassName("kpi-tiles");

        configureTable();
        add(heading, statusCounts, charts, tileKpi, tiles, table);
        refresh();
    }

    private void configureTable() {
        table.setId("province-table");
        table.addColumn(r -> r.province().code()).setHeader(getTranslation("column.code"))
                .setSortable(true).setWidth("80px").setFlexGrow(0);
        table.addColumn(r -> r.province().name()).setHeader(getTranslation("column.province"))
                .setComparator(r -> r.province().nameAscii()).setFlexGrow(2);
        table.addColumn(r -> format.count(r.counts().fullyOnline())).setHeader(getTranslation("column.fully-online"))
                .setComparator(r -> r.counts().fullyOnline()).setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> format.count(r.counts().completed())).setHeader(getTranslation("column.completed"))
                .setComparator(r -> r.counts().completed()).setTextAlign(ColumnTextAlign.END);
        table.addColumn(r -> rateText(r.rate())).setHeader(getTranslation("column.full-process-rate"))
                .setComparator(Comparator.comparing(r -> r.rate().value(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(r -> r.rate().isComparable()
                        ? (r.rate().value() >= kpis.properties().fullProcessOnlineTarget() ? "reached" : "below")
                        : "insufficient");
        table.addColumn(r -> rateText(r.onlineSubmission())).setHeader(getTranslation("column.online-submission"))
                .setComparator(Comparator.comparing(r -> r.onlineSubmission().value(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setTextAlign(ColumnTextAlign.END);
        table.setAllRowsVisible(true);
        table.addItemClickListener(e -> open(e.getItem().province().code()));
    }

    private void open(String province) {
        getUI().ifPresent(ui -> ui.navigate(ProvinceView.class, province));
    }

    /** The provinces as tiles coloured by the chosen KPI: against its target where it has one, else against 80 %. */
    private void showTiles() {
        tiles.removeAll();
        Kpi kpi = tileKpi.getValue();
        Target target = goals.get(kpi);
        double reference = target != null ? target.value() : kpis.properties().fullProcessOnlineTarget();
        for (ProvinceRow row : rows) {
            Rate rate = DossierRates.rate(kpi, row.counts(), kpis.properties().minSample());
            Div tile = new Div(new Span(shortName(row.province())), new Span(format.rate(rate)));
            tile.setId("tile-" + row.province().code());
            tile.addClassName("province-tile");
            tile.getStyle().set("background", TileColour.of(rate, reference));
            tile.getElement().setAttribute("title", row.province().name() + ": " + rateText(rate));
            tile.addClickListener(e -> open(row.province().code()));
            tiles.add(tile);
        }
    }

    private void showStatusCounts(DossierCounts total, PeriodPreset.Range range, ProvinceScope scope) {
        long openOutages = outages.outages(range.from(), range.to(), null, scope).stream()
                .filter(o -> o.end() == null).count();
        statusCounts.removeAll();
        statusCounts.add(TrajectoryTiles.of(this, getLocale(), targets.trajectory(null, scope)), freshness(range, scope));
        statusCounts.add(
                new KpiTile("count-open-outages", getTranslation("overview.open-outages"), format.count(openOutages),
                        "", openOutages > 0 ? "below" : "reached"),
                new KpiTile("count-overdue-open", getTranslation("kpi.overdue-open"), format.count(total.overdueOpen()),
                        "", total.overdueOpen() > 0 ? "below" : "reached"),
                new KpiTile("count-overdue-completed", getTranslation("kpi.overdue-completed"),
                        format.count(total.overdueCompleted()), "", null));
    }

    /**
     * Data freshness (SPEC §5): the age of the newest event anywhere in scope, and the province whose newest event
     * is oldest, since one silent province is what an operator must see.
     */
    private KpiTile freshness(PeriodPreset.Range range, ProvinceScope scope) {
        List<DataQuality> quality = signals.dataQuality(range.from(), range.to(), null, scope);
        Long newest = quality.stream().map(DataQuality::freshnessSeconds).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        DataQuality stalest = quality.stream().max(Comparator.comparing(
                (DataQuality q) -> q.freshnessSeconds() == null ? Long.MAX_VALUE : q.freshnessSeconds())).orElse(null);
        String detail = stalest == null ? "" : getTranslation("quality.stalest",
                reference.province(stalest.province()).map(Province::name).orElse(stalest.province()),
                stalest.freshnessSeconds() == null ? "–"
                        : TimeFormat.duration(Duration.ofSeconds(stalest.freshnessSeconds())));
        return new KpiTile("freshness", getTranslation("quality.freshness"),
                newest == null ? "–" : TimeFormat.duration(Duration.ofSeconds(newest)), detail,
                stalest != null && stalest.freshnessSeconds() != null
                        && stalest.freshnessSeconds() > STALE_SECONDS ? "below" : null);
    }

    private String rateText(Rate rate) {
        return format.rate(rate, getTranslation("kpi.insufficient"));
    }

    /** A national alert's evidence link names the period of its figure. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        period.takeFrom(event.getLocation());
    }

    private void refresh() {
        ProvinceScope scope = CurrentScope.get();
        PeriodPreset.Range range = period.range(clock);
        goals = targets.effective(null, targets.today(), scope);
        int minSample = kpis.properties().minSample();
        DossierCounts total = kpis.dossierKpis(new KpiQuery(range.from(), range.to(), GroupBy.NONE, null), scope)
                .rows().getFirst();
        List<DossierCounts> perProvince = kpis.dossierKpis(
                new KpiQuery(range.from(), range.to(), GroupBy.PROVINCE, null), scope).rows();
        Map<String, Province> provinces = reference.provinces().stream()
                .collect(Collectors.toMap(Province::code, Function.identity()));
        rows = perProvince.stream()
                .map(c -> new ProvinceRow(provinces.get(c.key()), c, c.fullProcessOnlineRate(minSample),
                        c.onlineSubmissionRate(minSample)))
                .toList();

        String gaugeName = scope.isNational() ? getTranslation("overview.national")
                : provinces.get(scope.province()).name();
        Rate totalRate = total.fullProcessOnlineRate(minSample);
        gauge.setOption(gaugeOption(gaugeName, totalRate));
        nationalCounts.setText(getTranslation("overview.counts", format.count(total.fullyOnline()),
                format.count(total.completed())));
        bars.setOption(barOption(rows));
        table.setItems(rows);
        showTiles();
        showStatusCounts(total, range, scope);
    }

    private ObjectNode gaugeOption(String name, Rate rate) {
        double target = kpis.properties().fullProcessOnlineTarget();
        ObjectNode option = EChart.newOption();
        option.putObject("title").put("text", getTranslation("overview.target", format.percent(target)))
                .put("left", "center").put("bottom", 0)
                .putObject("textStyle").put("fontSize", 13).put("fontWeight", "normal");
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "gauge").put("min", 0).put("max", 100);
        series.putObject("progress").put("show", true).put("width", 14);
        ArrayNode colours = series.putObject("axisLine").putObject("lineStyle").put("width", 14).putArray("color");
        colours.addArray().add(target).add("#e0e0e0");
        colours.addArray().add(1).add("#c8e6c9");
        series.putObject("itemStyle").put("color", colour(rate));
        // ECharts would print the value with a decimal point whatever the locale: send it formatted
        series.putObject("detail").put("formatter", format.rate(rate)).put("fontSize", 26)
                .putArray("offsetCenter").add(0).add("40%");
        series.putObject("title").putArray("offsetCenter").add(0).add("70%");
        series.putArray("data").addObject().put("value", RateFormat.percentValue(rate)).put("name", name);
        return option;
    }

    private ObjectNode barOption(List<ProvinceRow> rows) {
        double target = kpis.properties().fullProcessOnlineTarget() * 100;
        ObjectNode option = EChart.newOption();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 48).put("right", 24).put("top", 24).put("bottom", 110);
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category");
        xAxis.putObject("axisLabel").put("rotate", 60).put("interval", 0);
        ArrayNode names = xAxis.putArray("data");
        option.putObject("yAxis").put("type", "value").put("max", 100)
                .putObject("axisLabel").put("formatter", "{value} %");
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "bar").put("name", getTranslation("column.full-process-rate"));
        ArrayNode data = series.putArray("data");
        for (ProvinceRow row : rows) {
            names.add(shortName(row.province()));
            ObjectNode point = data.addObject().put("value", RateFormat.percentValue(row.rate()))
                    .put("code", row.province().code());
            point.putObject("itemStyle").put("color", colour(row.rate()));
        }
        ObjectNode markLine = series.putObject("markLine").put("symbol", "none");
        markLine.putObject("lineStyle").put("color", COLOUR_BELOW).put("type", "dashed");
        markLine.putObject("label").put("formatter", getTranslation("overview.target-line"))
                .put("position", "insideEndTop");
        markLine.putArray("data").addObject().put("yAxis", target);
        return option;
    }

    private String colour(Rate rate) {
        if (!rate.isComparable()) {
            return COLOUR_INSUFFICIENT;
        }
        return rate.value() >= kpis.properties().fullProcessOnlineTarget() ? COLOUR_REACHED : COLOUR_BELOW;
    }

    // "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Cao Bằng" → "Cao Bằng": the axis has room for 34 labels only.
    private static String shortName(Province province) {
        return province.name().replaceFirst("^(Thành phố|Tỉnh) ", "");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_MS);
        pollRegistration = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
    }
}
