package io.iocmonitor.ui;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import io.iocmonitor.alerting.AlertActor;
import io.iocmonitor.alerting.AlertService;
import io.iocmonitor.alerting.Silence;
import io.iocmonitor.reference.Province;

/**
 * The silences in force or to come (maintenance windows) in the user's scope; operators plan a new one (matchers,
 * start and end) or end one early.
 */
class SilencesPanel extends Details {

    private final AlertService alerts;
    private final AlertActor actor;
    private final Grid<Silence> grid = new Grid<>();
    private final Runnable changed;
    private List<Silence> shown = List.of();

    SilencesPanel(AlertService alerts, AlertActor actor, List<Province> provinces, DateTimeFormatter time,
            Runnable changed) {
        this.alerts = alerts;
        this.actor = actor;
        this.changed = changed;
        setId("alert-silences");
        // a silence's matchers and reason are what tell it apart: the grid takes the console's width
        setWidthFull();
        grid.setWidthFull();
        if (actor.mayAct()) {
            Button planned = new Button(getTranslation("silence.new"),
                    e -> SilenceDialog.open(alerts, actor, provinces, Map.of(), this.changed));
            planned.setId("silence-new");
            planned.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(planned);
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> s.matchers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "))).setHeader(getTranslation("alerts.silence.matchers")).setFlexGrow(2);
        grid.addColumn(s -> time.format(s.startsAt()) + " — " + time.format(s.endsAt()))
                .setHeader(getTranslation("alerts.silence.window")).setAutoWidth(true);
        grid.addColumn(Silence::createdBy).setHeader(getTranslation("alerts.silence.by")).setAutoWidth(true);
        grid.addColumn(Silence::comment).setHeader(getTranslation("alerts.comment")).setFlexGrow(2);
        if (actor.mayAct()) {
            grid.addComponentColumn(s -> {
                Button end = new Button(getTranslation("alerts.silence.end"), e -> {
                    alerts.deleteSilence(s.id(), actor);
                    this.changed.run();
                });
                end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return end;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        add(grid);
    }

    /** The silences to show now, read with the alerts. */
    List<Silence> load() {
        return alerts.silences(actor.scope());
    }

    boolean differs(List<Silence> fresh) {
        return !fresh.equals(shown);
    }

    void show(List<Silence> fresh) {
        shown = fresh;
        grid.setItems(fresh);
        setSummaryText(getTranslation("alerts.silences", fresh.size()));
    }
}
