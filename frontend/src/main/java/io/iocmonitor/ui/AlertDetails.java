package io.iocmonitor.ui;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.iocmonitor.alerting.Alert;
import io.iocmonitor.alerting.AlertActor;
import io.iocmonitor.alerting.AlertEvent;
import io.iocmonitor.alerting.AlertService;
import io.iocmonitor.alerting.rules.Evidence;
import io.iocmonitor.alerting.rules.Severity;
import io.iocmonitor.reference.Province;

/**
 * The chosen alert: summary, communes or sites in trouble, the link to the evidence behind it, its history, and
 * (for operators) acknowledge / comment / assign / resolve / silence.
 */
class AlertDetails extends VerticalLayout {

    private final AlertService alerts;
    private final AlertActor actor;
    private final DateTimeFormatter time;
    private final Runnable changed;
    private final List<Province> provinces;
    private @Nullable Alert shown;

    AlertDetails(AlertService alerts, AlertActor actor, List<Province> provinces, DateTimeFormatter time,
            Runnable changed) {
        this.alerts = alerts;
        this.actor = actor;
        this.provinces = provinces;
        this.time = time;
        this.changed = changed;
        setId("alert-details");
        setPadding(true);
        show(null);
    }

    static Span severityBadge(Severity severity, Function<String, String> translate) {
        Span badge = new Span(translate.apply("alerts.severity." + severity.wireName()));
        badge.getElement().getThemeList().add("badge");
        switch (severity) {
            case CRITICAL, MAJOR -> badge.getElement().getThemeList().add("error");
            case MINOR, WARNING -> badge.getElement().getThemeList().add("contrast");
            default -> { }
        }
        return badge;
    }

    /**
     * Shows a fresh copy of the alert shown, re-drawing only when what a person acts on changed (state,
     * acknowledgement, assignee, communes), so that a refresh does not wipe a comment being typed.
     */
    void update(@Nullable Alert alert) {
        if (alert == null || shown == null || !signature(alert).equals(signature(shown))) {
            show(alert);
        }
    }

    private static List<Object> signature(Alert a) {
        return java.util.Arrays.asList(a.id(), a.state(), a.endsAt(), a.acknowledgedBy(), a.assignee(),
                a.members().stream().map(Alert.Member::key).toList());
    }

    void show(@Nullable Alert alert) {
        shown = alert;
        removeAll();
        if (alert == null) {
            add(new Paragraph(getTranslation("alerts.choose")));
            return;
        }
        H3 summary = new H3(alert.summary().in(getLocale()));
        summary.setId("alert-summary");
        add(new HorizontalLayout(severityBadge(alert.severity(), this::getTranslation),
                new Span(getTranslation("alerts.state." + alert.state().wireName())),
                new Span(alert.rule())), summary);
        Div facts = new Div();
        facts.add(new Paragraph(getTranslation("alerts.since") + ": " + time.format(alert.startsAt())
                + (alert.endsAt() == null ? "" : " — " + time.format(alert.endsAt()))));
        if (alert.acknowledgedBy() != null) {
            Paragraph ack = new Paragraph(getTranslation("alerts.acknowledged-by") + ": " + alert.acknowledgedBy());
            ack.setId("alert-acknowledged-by");
            facts.add(ack);
        }
        if (alert.assignee() != null) {
            facts.add(new Paragraph(getTranslation("alerts.assignee") + ": " + alert.assignee()));
        }
        if (alerts.isSilenced(alert)) {
            facts.add(new Paragraph(getTranslation("alerts.silenced")));
        }
        add(facts);
        List<String> memberKeys = alert.members().stream().map(Alert.Member::key).filter(k -> !k.isEmpty()).toList();
        if (!memberKeys.isEmpty()) {
            UnorderedList members = new UnorderedList();
            memberKeys.forEach(k -> members.add(new ListItem(k)));
            add(new H4(getTranslation("alerts.members")), members);
        }
        Evidence evidence = alert.evidence();
        if (evidence != null) {
            add(evidenceLinks(evidence));
        }
        if (actor.mayAct()) {
            add(actions(alert));
        }
        add(new H4(getTranslation("alerts.history")), history(alert));
    }

    /**
     * The view that draws the figure, opened beside the console; the API path, smaller, for whoever wants the
     * numbers. Alerts stored before views were linked have only the API path.
     */
    private Component evidenceLinks(Evidence evidence) {
        Div links = new Div();
        if (evidence.view() != null) {
            Anchor view = new Anchor(evidence.view(), getTranslation("alerts.evidence"), AnchorTarget.BLANK);
            view.setId("alert-evidence");
            links.add(view);
        }
        if (evidence.api() != null) {
            Anchor api = new Anchor(evidence.api(), getTranslation("alerts.evidence-api"), AnchorTarget.BLANK);
            api.setId("alert-evidence-api");
            api.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-inline-start", "1em");
            links.add(api);
        }
        return links;
    }

    private Component actions(Alert alert) {
        TextArea comment = new TextArea(getTranslation("alerts.comment"));
        comment.setId("alert-comment");
        comment.setWidthFull();
        Button acknowledge = new Button(getTranslation("alerts.acknowledge"), e -> act(() ->
                alerts.acknowledge(alert.id(), comment.getValue(), actor)));
        acknowledge.setId("alert-acknowledge");
        acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button addComment = new Button(getTranslation("alerts.add-comment"), e -> act(() ->
                alerts.comment(alert.id(), comment.getValue(), actor)));
        Button resolve = new Button(getTranslation("alerts.resolve"), e -> act(() ->
                alerts.resolve(alert.id(), comment.getValue(), actor)));
        resolve.setEnabled(alert.endsAt() == null);
        Button silence = new Button(getTranslation("alerts.silence"), e -> silenceDialog(alert));
        silence.setId("alert-silence");
        TextField assignee = new TextField(getTranslation("alerts.assignee"));
        assignee.setValue(alert.assignee() == null ? "" : alert.assignee());
        Button assign = new Button(getTranslation("alerts.assign"), e -> act(() ->
                alerts.assign(alert.id(), assignee.getValue(), actor)));
        HorizontalLayout assignRow = new HorizontalLayout(assignee, assign);
        assignRow.setAlignItems(Alignment.BASELINE);
        HorizontalLayout buttons = new HorizontalLayout(acknowledge, addComment, resolve, silence);
        buttons.setWrap(true);
        VerticalLayout actions = new VerticalLayout(comment, buttons, assignRow);
        actions.setPadding(false);
        return actions;
    }

    /** The silence form with the alert's rule and province: the operator may widen it or move its window. */
    private void silenceDialog(Alert alert) {
        Map<String, String> matchers = new LinkedHashMap<>();
        matchers.put("rule", alert.rule());
        if (alert.province() != null) {
            matchers.put("province", alert.province());
        }
        SilenceDialog.open(alerts, actor, provinces, matchers, () -> act(() -> { }));
    }

    private Component history(Alert alert) {
        UnorderedList list = new UnorderedList();
        list.setId("alert-history");
        for (AlertEvent e : alerts.history(alert.id(), actor.scope())) {
            list.add(new ListItem(time.format(e.at()) + " · " + getTranslation("alerts.event." + e.kind())
                    + (e.actor() == null ? "" : " · " + e.actor()) + (e.text() == null ? "" : " · " + e.text())));
        }
        return list;
    }

    private void act(Runnable action) {
        try {
            action.run();
            changed.run();
            Alert current = shown;
            if (current != null) {
                show(alerts.alert(current.id(), actor.scope()).orElse(null));
            }
        } catch (RuntimeException e) {
            Notification.show(e.getMessage() == null ? e.toString() : e.getMessage(), 5000,
                    Notification.Position.MIDDLE);
        }
    }
}
