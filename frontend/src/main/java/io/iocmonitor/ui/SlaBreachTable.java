package io.iocmonitor.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.iocmonitor.kpi.SlaBreach;
import io.iocmonitor.kpi.SlaBreaches;

/** The dossiers behind the SLA breach counts: overdue open first, most overdue first; exportable. */
class SlaBreachTable extends Div {

    /** How many rows a view loads; the total is shown beside. */
    static final int SHOWN = 500;

    private final Grid<SlaBreach> grid = new Grid<>();
    private final ExportLinks<SlaBreach> export;
    private final Span total = new Span();
    private final RateFormat format;
    private Instant now = Instant.EPOCH;

    SlaBreachTable(Function<String, String> communeName) {
        TimeFormat time = new TimeFormat(getLocale());
        format = new RateFormat(getLocale());
        addClassNames("card", "wide");
        export = new ExportLinks<>(grid, "sla-breach-table");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setHeight("320px");
        export.column(getTranslation("sla.kind"), b -> getTranslation("sla.kind." + b.kind().name()
                .toLowerCase(Locale.ROOT).replace('_', '-')));
        export.column(getTranslation("sla.dossier"), SlaBreach::dossierId);
        export.column(getTranslation("outage.commune"), b -> communeName.apply(b.commune()));
        export.column(getTranslation("sla.procedure"), SlaBreach::procedureCode);
        export.column(getTranslation("sla.received"), b -> b.receivedTs().toString(), b -> time.dateTime(b.receivedTs()));
        export.column(getTranslation("sla.due"), b -> b.dueAt().toString(), b -> time.dateTime(b.dueAt()));
        export.column(getTranslation("sla.completed"), b -> b.completedTs() == null ? null : b.completedTs().toString(),
                b -> time.dateTime(b.completedTs()));
        export.column(getTranslation("sla.overdue-by"), b -> overdueBy(b).toSeconds(),
                b -> TimeFormat.duration(overdueBy(b)));
        total.setId("sla-breach-total");
        add(total, export.links(), grid);
    }

    void show(SlaBreaches breaches, Instant current) {
        this.now = current;
        export.setItems(breaches.rows());
        total.setText(getTranslation("sla.total", format.count(breaches.rows().size()), format.count(breaches.total())));
    }

    private Duration overdueBy(SlaBreach breach) {
        return Duration.between(breach.dueAt(), breach.completedTs() != null ? breach.completedTs() : now);
    }
}
