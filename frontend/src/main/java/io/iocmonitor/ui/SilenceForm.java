package io.iocmonitor.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.iocmonitor.alerting.AlertActor;
import io.iocmonitor.alerting.AlertService;
import io.iocmonitor.alerting.rules.Severity;
import io.iocmonitor.base.Ict;
import io.iocmonitor.reference.Province;

/**
 * A silence (maintenance window): the labels an alert must carry — province, rule, severity, a rule's own labels —
 * and a start and an end in ICT, with the reason. Saved through the service the REST API uses, which applies the
 * same rules and scope: a provincial operator's silence always carries the province, so the field is fixed.
 */
class SilenceForm extends FormLayout {

    private final AlertService alerts;
    private final AlertActor actor;
    private final ComboBox<Province> province = new ComboBox<>();
    private final ComboBox<String> rule = new ComboBox<>();
    private final Select<String> severity = new Select<>();
    private final TextField labels = new TextField();
    private final DateTimePicker start = new DateTimePicker();
    private final DateTimePicker end = new DateTimePicker();
    private final TextArea comment = new TextArea();
    private final Span error = new Span();

    /**
     * @param provinces the provinces in the user's scope
     * @param preset    matchers to start from, e.g. an alert's rule and province
     */
    SilenceForm(AlertService alerts, AlertActor actor, List<Province> provinces, Map<String, String> preset) {
        this.alerts = alerts;
        this.actor = actor;
        setId("silence-form");
        province.setId("silence-province");
        province.setLabel(getTranslation("column.province"));
        province.setItems(provinces);
        province.setItemLabelGenerator(Province::name);
        province.setClearButtonVisible(true);
        String presetProvince = actor.scope().isNational() ? preset.get("province") : actor.scope().province();
        provinces.stream().filter(p -> p.code().equals(presetProvince)).findFirst().ifPresent(province::setValue);
        province.setReadOnly(!actor.scope().isNational());
        rule.setId("silence-rule");
        rule.setLabel(getTranslation("silence.rule"));
        rule.setItems(alerts.ruleNames());
        rule.setClearButtonVisible(true);
        if (preset.get("rule") != null && alerts.ruleNames().contains(preset.get("rule"))) {
            rule.setValue(preset.get("rule"));
        }
        severity.setId("silence-severity");
        severity.setLabel(getTranslation("alerts.severity"));
        severity.setItems(Arrays.stream(Severity.values()).map(Severity::wireName).toList());
        severity.setEmptySelectionAllowed(true);
        severity.setEmptySelectionCaption(getTranslation("silence.any"));
        severity.setItemLabelGenerator(s -> s == null || s.isEmpty() ? getTranslation("silence.any")
                : getTranslation("alerts.severity." + s));
        labels.setId("silence-labels");
        labels.setLabel(getTranslation("silence.labels"));
        labels.setPlaceholder("team=noc");
        labels.setHelperText(getTranslation("silence.labels.help"));

        LocalDateTime now = LocalDateTime.ofInstant(alerts.now(), Ict.ZONE).truncatedTo(ChronoUnit.MINUTES);
        for (DateTimePicker picker : List.of(start, end)) {
            picker.setStep(Duration.ofMinutes(15));
            picker.setLocale(getLocale());
            picker.setHelperText(getTranslation("silence.ict"));
        }
        start.setId("silence-start");
        start.setLabel(getTranslation("silence.start"));
        start.setValue(now);
        end.setId("silence-end");
        end.setLabel(getTranslation("silence.end"));
        end.setValue(now.plusHours(1));
        HorizontalLayout lengths = new HorizontalLayout();
        for (Duration d : List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofDays(1))) {
            Button length = new Button(getTranslation("silence.length", d.toHours()), e -> {
                if (start.getValue() != null) {
                    end.setValue(start.getValue().plus(d));
                }
            });
            length.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            lengths.add(length);
        }
        comment.setId("silence-comment");
        comment.setLabel(getTranslation("alerts.comment"));
        comment.setPlaceholder(getTranslation("silence.comment.placeholder"));
        error.setId("silence-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        add(province, rule, severity, labels, start, end);
        add(lengths, 2);
        add(comment, 2);
        add(error, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
    }

    /** Saves the silence; with what is wrong shown on the fields instead when it cannot be. */
    boolean save() {
        clearMessages();
        Map<String, String> matchers = matchers();
        if (matchers == null) {
            return false;
        }
        boolean valid = true;
        if (matchers.isEmpty()) {
            error.setText(getTranslation("silence.error.no-matcher"));
            valid = false;
        }
        LocalDateTime from = start.getValue();
        LocalDateTime to = end.getValue();
        valid &= required(start, from) & required(end, to);
        if (from != null && to != null && !to.isAfter(from)) {
            invalid(end, "silence.error.end-before-start");
            valid = false;
        } else if (to != null && !ict(to).isAfter(alerts.now())) {
            invalid(end, "silence.error.end-past");
            valid = false;
        }
        if (comment.getValue().isBlank()) {
            comment.setErrorMessage(getTranslation("silence.error.comment"));
            comment.setInvalid(true);
            valid = false;
        }
        if (!valid) {
            return false;
        }
        try {
            alerts.silence(matchers, ict(from), ict(to), comment.getValue().strip(), actor);
            return true;
        } catch (RuntimeException e) {
            // the service's own checks (scope, labels alerts do not carry) speak for themselves
            error.setText(e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }

    /** The matchers filled in, or {@code null} (with a message) when the other labels cannot be read. */
    private @Nullable Map<String, String> matchers() {
        Map<String, String> matchers = new LinkedHashMap<>();
        if (province.getValue() != null) {
            matchers.put("province", province.getValue().code());
        }
        if (rule.getValue() != null && !rule.getValue().isBlank()) {
            matchers.put("rule", rule.getValue());
        }
        if (severity.getValue() != null && !severity.getValue().isEmpty()) {
            matchers.put("severity", severity.getValue());
        }
        for (String pair : labels.getValue().split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                labels.setErrorMessage(getTranslation("silence.error.labels", pair.strip()));
                labels.setInvalid(true);
                return null;
            }
            matchers.put(kv[0].strip(), kv[1].strip());
        }
        return matchers;
    }

    private boolean required(DateTimePicker picker, @Nullable LocalDateTime value) {
        if (value == null) {
            invalid(picker, "silence.error.required");
            return false;
        }
        return true;
    }

    private void invalid(DateTimePicker picker, String key) {
        picker.setErrorMessage(getTranslation(key));
        picker.setInvalid(true);
    }

    private void clearMessages() {
        error.setText("");
        start.setInvalid(false);
        end.setInvalid(false);
        comment.setInvalid(false);
        labels.setInvalid(false);
    }

    private static Instant ict(LocalDateTime local) {
        return local.atZone(Ict.ZONE).toInstant();
    }
}
