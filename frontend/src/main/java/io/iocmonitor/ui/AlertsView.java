package io.iocmonitor.ui;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.iocmonitor.alerting.Alert;
import io.iocmonitor.alerting.AlertActor;
import io.iocmonitor.alerting.AlertService;
import io.iocmonitor.alerting.Silence;
import io.iocmonitor.alerting.rules.Severity;
import io.iocmonitor.base.Ict;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;
import jakarta.annotation.security.PermitAll;

/**
 * The operators' alerts console (SPEC §7): the list of alerts in the user's scope, filtered by state, severity and
 * province, kept current by the server (pushed every few seconds while something changed, no manual refresh), and
 * for the chosen alert its details, history, evidence link and the actions. Leaders and inspectors read only.
 */
@Route(value = "alerts", layout = MainLayout.class)
@PageTitle("IOC Monitor")
@PermitAll
public class AlertsView extends VerticalLayout {

    static final Duration REFRESH = Duration.ofSeconds(2);

    private final AlertService alerts;
    private final TaskScheduler scheduler;
    private final AlertActor actor;
    private final Select<String> state = new Select<>();
    private final Select<String> severity = new Select<>();
    private final ComboBox<Province> province = new ComboBox<>();
    private final Grid<Alert> grid = new Grid<>();
    private final AlertDetails details;
    private final SilencesPanel silences;
    private final Div problems = new Div();
    /** The grid's rows, replaced in place so that a refresh keeps the selection (rows are identified by id). */
    private final List<Alert> rows = new ArrayList<>();
    private final ListDataProvider<Alert> data = new ListDataProvider<>(rows) {
        @Override
        public Object getId(Alert alert) {
            return alert.id();
        }
    };
    private List<Alert> shown = List.of();
    private List<String> shownProblems = List.of();
    private @Nullable ScheduledFuture<?> refresher;

    AlertsView(AlertService alerts, ReferenceData reference, TaskScheduler scheduler) {
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.actor = AlertActor.of(SecurityContextHolder.getContext().getAuthentication());
        setSizeFull();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(Ict.ZONE);

        state.setId("alert-state");
        state.setLabel(getTranslation("alerts.state"));
        state.setItems("firing", "pending", "resolved", "all");
        state.setItemLabelGenerator(s -> getTranslation("alerts.state." + s));
        state.setValue("firing");
        severity.setId("alert-severity");
        severity.setLabel(getTranslation("alerts.severity"));
        severity.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of("all"),
                java.util.Arrays.stream(Severity.values()).map(Severity::wireName)).toList());
        severity.setItemLabelGenerator(s -> getTranslation("alerts.severity." + s));
        severity.setValue("all");
        province.setId("alert-province");
        province.setLabel(getTranslation("column.province"));
        province.setClearButtonVisible(true);
        List<Province> inScope = reference.provinces().stream().filter(p -> actor.scope().allows(p.code())).toList();
        province.setItems(inScope);
        province.setItemLabelGenerator(Province::name);
        province.setPlaceholder(getTranslation("overview.national"));
        state.addValueChangeListener(e -> refresh());
        severity.addValueChangeListener(e -> refresh());
        province.addValueChangeListener(e -> refresh());

        grid.setId("alert-table");
        grid.setItems(data);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(a -> AlertDetails.severityBadge(a.severity(), this::getTranslation))
                .setHeader(getTranslation("alerts.severity")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation("alerts.state." + a.state().wireName()))
                .setHeader(getTranslation("alerts.state")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.summary().in(getLocale())).setHeader(getTranslation("alerts.summary")).setFlexGrow(3);
        grid.addColumn(a -> time.format(a.startsAt())).setHeader(getTranslation("alerts.since"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.acknowledgedBy() == null ? "" : a.acknowledgedBy())
                .setHeader(getTranslation("alerts.acknowledged-by")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.assignee() == null ? "" : a.assignee())
                .setHeader(getTranslation("alerts.assignee")).setAutoWidth(true).setFlexGrow(0);
        details = new AlertDetails(alerts, actor, inScope, time, this::refresh);
        silences = new SilencesPanel(alerts, actor, inScope, time, this::refresh);
        grid.asSingleSelect().addValueChangeListener(e -> details.show(e.getValue()));

        problems.setId("alert-rule-problems");
        problems.addClassName("alert-rule-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");

        H2 title = new H2(getTranslation("alerts.title"));
        HorizontalLayout filters = new HorizontalLayout(title, state, severity, province);
        filters.setWidthFull();
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.expand(title);
        SplitLayout split = new SplitLayout(grid, details);
        split.setSizeFull();
        split.setSplitterPosition(62);
        add(filters, problems, split, silences);
        expand(split);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // Alerts change on whichever instance evaluates them: look every few seconds and push what changed. All of
        // it under the session's lock: the filters and what is shown belong to the UI.
        refresher = scheduler.scheduleAtFixedRate(() -> ui.access(() -> {
            List<Alert> fresh = load();
            List<Silence> freshSilences = silences.load();
            if (!fresh.equals(shown) || !alerts.ruleProblems().equals(shownProblems)
                    || silences.differs(freshSilences)) {
                show(fresh);
                silences.show(freshSilences);
            }
        }), REFRESH);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    private void refresh() {
        show(load());
        silences.show(silences.load());
    }

    private List<Alert> load() {
        String p = province.getValue() == null ? null : province.getValue().code();
        String s = severity.getValue();
        return alerts.alerts(state.getValue(), p, actor.scope()).stream()
                .filter(a -> "all".equals(s) || a.severity().wireName().equals(s))
                .toList();
    }

    private void show(List<Alert> fresh) {
        shown = fresh;
        rows.clear();
        rows.addAll(fresh);
        data.refreshAll();
        Alert selected = grid.asSingleSelect().getValue();
        if (selected != null) {
            details.update(fresh.stream().filter(a -> a.id() == selected.id()).findFirst()
                    .or(() -> alerts.alert(selected.id(), actor.scope())).orElse(null));
        }
        shownProblems = alerts.ruleProblems();
        problems.setText(getTranslation("alerts.rule-problems") + "\n" + String.join("\n", shownProblems));
        problems.setVisible(!shownProblems.isEmpty());
    }
}
