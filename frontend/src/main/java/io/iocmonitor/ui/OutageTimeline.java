package io.iocmonitor.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;

import io.iocmonitor.echarts.EChart;
import io.iocmonitor.outage.Outage;
import io.iocmonitor.outage.OutageCause;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A province's outages in a period: a timeline (one lane per site and target, a bar per outage, open ones reaching
 * to now) over the most recently affected lanes, and the full list as an exportable table.
 */
class OutageTimeline extends Div {

    private static final int LANES = 25;

    private final EChart chart = new EChart();
    private final Grid<Outage> grid = new Grid<>();
    private final ExportLinks<Outage> export;
    private final TimeFormat time;
    private Instant now = Instant.EPOCH;

    OutageTimeline(Function<String, String> communeName) {
        time = new TimeFormat(getLocale());
        addClassNames("card", "wide");
        chart.setId("outage-timeline");
        chart.setHeight("300px");
        export = new ExportLinks<>(grid, "outage-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setHeight("280px");
        export.column(getTranslation("outage.commune"), o -> communeName.apply(o.commune()));
        export.column(getTranslation("outage.target"), Outage::target);
        export.column(getTranslation("outage.cause"), o -> getTranslation("outage.cause." + o.cause().name()
                .toLowerCase(Locale.ROOT)));
        export.column(getTranslation("outage.start"), o -> o.start().toString(), o -> time.dateTime(o.start()));
        export.column(getTranslation("outage.end"), o -> o.end() == null ? null : o.end().toString(),
                o -> o.end() == null ? getTranslation("outage.open") : time.dateTime(o.end()));
        export.column(getTranslation("outage.duration"), o -> o.duration(now).toSeconds(),
                o -> TimeFormat.duration(o.duration(now)));
        add(chart, export.links(), grid);
    }

    void show(List<Outage> outages, Instant from, Instant to, Instant current, Function<String, String> communeName) {
        this.now = current;
        export.setItems(outages);
        Map<String, Integer> lanes = new LinkedHashMap<>();
        List<Outage> drawn = new ArrayList<>();
        for (Outage o : outages) { // newest first: the lanes are the most recently affected sites
            String lane = communeName.apply(o.commune()) + " · " + o.target();
            if (!lanes.containsKey(lane) && lanes.size() >= LANES) {
                continue;
            }
            lanes.putIfAbsent(lane, lanes.size());
            drawn.add(o);
        }
        ObjectNode option = EChart.newOption();
        option.putObject("grid").put("left", 220).put("right", 24).put("top", 16).put("bottom", 40);
        Instant end = current.isBefore(to) ? current : to;
        option.putObject("xAxis").put("type", "time").put("min", from.toEpochMilli()).put("max", end.toEpochMilli());
        ObjectNode yAxis = option.putObject("yAxis").put("type", "category");
        yAxis.putObject("axisLabel").put("fontSize", 10);
        ArrayNode names = yAxis.putArray("data");
        lanes.keySet().forEach(names::add);
        option.putObject("tooltip").put("trigger", "item");
        ArrayNode series = option.putArray("series");
        for (var cause : OutageCause.values()) {
            ObjectNode s = series.addObject().put("type", "lines").put("coordinateSystem", "cartesian2d")
                    .put("name", getTranslation("outage.cause." + cause.name().toLowerCase(Locale.ROOT)));
            s.putObject("lineStyle").put("width", 8).put("opacity", 0.9)
                    .put("color", cause == OutageCause.PROBE ? "#c62828" : "#ef6c00");
            ArrayNode data = s.putArray("data");
            for (Outage o : drawn) {
                if (o.cause() != cause) {
                    continue;
                }
                int lane = lanes.get(communeName.apply(o.commune()) + " · " + o.target());
                Instant stop = o.end() == null ? end : o.end();
                ObjectNode item = data.addObject().put("name", time.dateTime(o.start()) + " – "
                        + (o.end() == null ? getTranslation("outage.open") : time.dateTime(o.end())) + " ("
                        + TimeFormat.duration(o.duration(current)) + ")");
                ArrayNode coords = item.putArray("coords");
                coords.addArray().add(Math.max(o.start().toEpochMilli(), from.toEpochMilli())).add(lane);
                coords.addArray().add(Math.max(stop.toEpochMilli(), o.start().toEpochMilli() + 60_000)).add(lane);
            }
        }
        option.putObject("legend").put("bottom", 0);
        chart.setOption(option);
    }
}
