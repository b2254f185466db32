package io.iocmonitor.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;

import io.iocmonitor.echarts.EChart;
import io.iocmonitor.kpi.DossierCounts;
import io.iocmonitor.kpi.GroupBy;
import io.iocmonitor.kpi.Kpi;
import io.iocmonitor.kpi.KpiQuery;
import io.iocmonitor.kpi.KpiService;
import io.iocmonitor.security.ProvinceScope;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A province's main rates over time, by day (last 30 days), week (last 12) or month (last 12), with the headline
 * target as a line. Buckets are ICT calendar days, weeks from Monday, months.
 */
class TrendChart extends Div {

    private static final List<Kpi> SHOWN = List.of(Kpi.FULL_PROCESS_ONLINE_RATE, Kpi.ONLINE_SUBMISSION_RATE,
            Kpi.ON_TIME_RATE, Kpi.E_RESULT_RATE);

    private final KpiService kpis;
    private final EChart chart = new EChart();
    private final Select<GroupBy> grouping = new Select<>();
    private final TimeFormat time;
    private String province = "";
    private ProvinceScope scope = ProvinceScope.national();
    private LocalDate today = LocalDate.EPOCH;

    TrendChart(KpiService kpis) {
        this.kpis = kpis;
        this.time = new TimeFormat(getLocale());
        addClassNames("card", "wide");
        grouping.setId("trend-grouping");
        grouping.setLabel(getTranslation("trend.grouping"));
        grouping.setItems(GroupBy.DAY, GroupBy.WEEK, GroupBy.MONTH);
        grouping.setItemLabelGenerator(g -> getTranslation("trend." + g.wireName()));
        grouping.setValue(GroupBy.DAY);
        grouping.addValueChangeListener(e -> refresh());
        chart.setId("trend-chart");
        chart.setHeight("320px");
        add(grouping, chart);
    }

    void show(String provinceCode, ProvinceScope userScope, LocalDate day) {
        this.province = provinceCode;
        this.scope = userScope;
        this.today = day;
        refresh();
    }

    static PeriodPreset.Range range(GroupBy groupBy, LocalDate today) {
        return switch (groupBy) {
            case WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new PeriodPreset.Range(monday.minusWeeks(11), monday.plusWeeks(1));
            }
            case MONTH -> new PeriodPreset.Range(today.withDayOfMonth(1).minusMonths(11),
                    today.withDayOfMonth(1).plusMonths(1));
            default -> new PeriodPreset.Range(today.minusDays(29), today.plusDays(1));
        };
    }

    private void refresh() {
        PeriodPreset.Range range = range(grouping.getValue(), today);
        List<DossierCounts> rows = kpis.dossierKpis(new KpiQuery(range.from(), range.to(), grouping.getValue(),
                province), scope).rows();
        int minSample = kpis.properties().minSample();
        ObjectNode option = EChart.newOption();
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("top", 0);
        option.putObject("grid").put("left", 48).put("right", 24).put("top", 40).put("bottom", 40);
        ArrayNode days = option.putObject("xAxis").put("type", "category").putArray("data");
        rows.forEach(r -> days.add(time.date(LocalDate.parse(r.key()))));
        option.putObject("yAxis").put("type", "value").put("max", 100)
                .putObject("axisLabel").put("formatter", "{value} %");
        ArrayNode series = option.putArray("series");
        for (Kpi kpi : SHOWN) {
            ObjectNode line = series.addObject().put("type", "line").put("name", getTranslation(DossierRates.translationKey(kpi)))
                    .put("connectNulls", false);
            ArrayNode data = line.putArray("data");
            // insufficient samples are left out of the line rather than drawn as a misleading swing
            rows.forEach(r -> {
                var rate = DossierRates.rate(kpi, r, minSample);
                if (rate.isComparable()) {
                    data.add(RateFormat.percentValue(rate));
                } else {
                    data.add("-");
                }
            });
            if (kpi == Kpi.FULL_PROCESS_ONLINE_RATE) {
                ObjectNode markLine = line.putObject("markLine").put("symbol", "none");
                markLine.putObject("lineStyle").put("type", "dashed").put("color", "#c62828");
                markLine.putObject("label").put("formatter", getTranslation("overview.target-line"));
                markLine.putArray("data").addObject()
                        .put("yAxis", kpis.properties().fullProcessOnlineTarget() * 100);
            }
        }
        chart.setOption(option);
    }
}
