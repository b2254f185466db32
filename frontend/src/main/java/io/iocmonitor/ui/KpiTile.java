package io.iocmonitor.ui;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure in a card: its name, its value big, and a line below (numerator / denominator, target). */
class KpiTile extends Div {

    KpiTile(String id, String label, String value, String detail, @Nullable String status) {
        setId(id);
        addClassNames("card", "kpi-tile");
        if (status != null && !status.isEmpty()) {
            addClassName(status);
        }
        Span name = new Span(label);
        name.addClassName("kpi-label");
        Span figure = new Span(value);
        figure.addClassName("kpi-value");
        Span below = new Span(detail);
        below.addClassName("kpi-detail");
        add(name, figure, below);
    }
}
