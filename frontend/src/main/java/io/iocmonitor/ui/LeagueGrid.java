package io.iocmonitor.ui;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.iocmonitor.comparison.Outliers;
import io.iocmonitor.kpi.Target;
import io.iocmonitor.kpi.Rate;

/**
 * A league table on screen: rank and rank change, the locality, the KPI's rate with numerator and denominator, and
 * the outlier mark; "insufficient data" rows unranked at the bottom. Exportable; a click on a row drills down.
 */
class LeagueGrid extends VerticalLayout {

    private final Grid<LeagueRow> grid = new Grid<>();
    private final ExportLinks<LeagueRow> export;
    private final RateFormat format;
    private @Nullable Target target;

    LeagueGrid(String id, String localityHeader, Consumer<LeagueRow> onClick) {
        this.format = new RateFormat(getLocale());
        setPadding(false);
        export = new ExportLinks<>(grid, id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        export.column(getTranslation("league.rank"), r -> r.standing().rank(),
                r -> r.standing().ranked() ? String.valueOf(r.standing().rank()) : "–")
                .setWidth("70px").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        export.column(getTranslation("league.change"), r -> r.standing().rankChange(), r -> change(r.standing().rankChange()))
                .setWidth("90px").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(r -> r.standing().rankChange() == null ? null
                        : r.standing().rankChange() > 0 ? "reached" : r.standing().rankChange() < 0 ? "below" : null);
        export.column(getTranslation("column.code"), LeagueRow::code).setWidth("90px").setFlexGrow(0);
        export.column(localityHeader, LeagueRow::name).setFlexGrow(2);
        export.column(getTranslation("league.value"), r -> rate(r).value(), r -> rateText(rate(r)))
                .setTextAlign(ColumnTextAlign.END)
                .setPartNameGenerator(r -> emptyToNull(DossierRates.status(rate(r), target)));
        export.column(getTranslation("league.numerator"), r -> rate(r).numerator(),
                r -> format.count(rate(r).numerator())).setTextAlign(ColumnTextAlign.END);
        export.column(getTranslation("league.denominator"), r -> rate(r).denominator(),
                r -> format.count(rate(r).denominator())).setTextAlign(ColumnTextAlign.END);
        export.column(getTranslation("league.outlier"), r -> outlier(r.standing().outlier()),
                r -> outlier(r.standing().outlier()));
        grid.addItemClickListener(e -> onClick.accept(e.getItem()));
        grid.setAllRowsVisible(true);
        add(export.links(), grid);
    }

    /** Shows the rows; rates are coloured against {@code rateTarget} where there is one. */
    void show(List<LeagueRow> rows, @Nullable Target rateTarget) {
        this.target = rateTarget;
        export.setItems(rows);
    }

    private Rate rate(LeagueRow row) {
        return row.standing().rate();
    }

    private String rateText(Rate rate) {
        return format.rate(rate, getTranslation("kpi.insufficient"));
    }

    private static String change(@Nullable Integer change) {
        if (change == null) {
            return "–";
        }
        return change > 0 ? "▲ " + change : change < 0 ? "▼ " + -change : "=";
    }

    private String outlier(Outliers.Position position) {
        return switch (position) {
            case HIGH -> getTranslation("league.outlier.high");
            case LOW -> getTranslation("league.outlier.low");
            case NORMAL -> "";
        };
    }

    private static @Nullable String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
