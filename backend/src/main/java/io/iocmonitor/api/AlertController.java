package io.iocmonitor.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.iocmonitor.alerting.Alert;
import io.iocmonitor.alerting.AlertActor;
import io.iocmonitor.alerting.AlertJson;
import io.iocmonitor.alerting.AlertService;
import io.iocmonitor.alerting.Silence;
import io.iocmonitor.security.Scopes;

/**
 * {@code GET /api/v1/alerts} (SPEC §8) and the operators' actions: acknowledge, assign, comment, resolve, and
 * silences. Scoped like every endpoint; leaders and inspectors read only (403 on actions). Actions take JSON
 * bodies, which a cross-site form cannot send.
 */
@RestController
@RequestMapping("/api/v1")
class AlertController {

    /** The body of an action; which fields count depends on the action. */
    record ActionBody(@Nullable String comment, @Nullable String assignee) {
    }

    /** A new silence: label matchers and a time window. */
    record SilenceBody(@Nullable Map<String, String> matchers, @Nullable Instant startsAt, @Nullable Instant endsAt,
            @Nullable String comment) {
    }

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/alerts")
    List<Map<String, Object>> alerts(@RequestParam(defaultValue = "firing") String state,
            @RequestParam(required = false) @Nullable String province, Authentication user) {
        return alerts.alerts(state, province, Scopes.of(user)).stream().map(AlertJson::of).toList();
    }

    /** One alert with its history and whether a silence covers it. */
    @GetMapping("/alerts/{id}")
    Map<String, Object> alert(@PathVariable long id, Authentication user) {
        Alert alert = alerts.alert(id, Scopes.of(user)).orElseThrow(() -> new NoSuchElementException("no alert " + id));
        Map<String, Object> json = new LinkedHashMap<>(AlertJson.of(alert));
        json.put("silenced", alerts.isSilenced(alert));
        json.put("history", alerts.history(id, Scopes.of(user)).stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", e.at().toString());
            event.put("kind", e.kind());
            event.put("actor", e.actor());
            event.put("text", e.text());
            return event;
        }).toList());
        return json;
    }

    @PostMapping(path = "/alerts/{id}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> acknowledge(@PathVariable long id, @RequestBody ActionBody body, Authentication user) {
        return AlertJson.of(alerts.acknowledge(id, text(body.comment()), actor(user)));
    }

    @PostMapping(path = "/alerts/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> assign(@PathVariable long id, @RequestBody ActionBody body, Authentication user) {
        return AlertJson.of(alerts.assign(id, body.assignee(), actor(user)));
    }

    @PostMapping(path = "/alerts/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> comment(@PathVariable long id, @RequestBody ActionBody body, Authentication user) {
        return AlertJson.of(alerts.comment(id, text(body.comment()), actor(user)));
    }

    @PostMapping(path = "/alerts/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> resolve(@PathVariable long id, @RequestBody ActionBody body, Authentication user) {
        return AlertJson.of(alerts.resolve(id, body.comment(), actor(user)));
    }

    @GetMapping("/silences")
    List<Map<String, Object>> silences(Authentication user) {
        return alerts.silences(Scopes.of(user)).stream().map(AlertController::toJson).toList();
    }

    @PostMapping(path = "/silences", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> silence(@RequestBody SilenceBody body, Authentication user) {
        if (body.startsAt() == null || body.endsAt() == null) {
            throw new BadRequestException("a silence needs startsAt and endsAt (e.g. 2026-01-05T01:00:00Z)");
        }
        return toJson(alerts.silence(body.matchers() == null ? Map.of() : body.matchers(), body.startsAt(),
                body.endsAt(), text(body.comment()), actor(user)));
    }

    @DeleteMapping("/silences/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSilence(@PathVariable long id, Authentication user) {
        if (!alerts.deleteSilence(id, actor(user))) {
            throw new NoSuchElementException("no silence " + id);
        }
    }

    private static Map<String, Object> toJson(Silence s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("matchers", s.matchers());
        json.put("startsAt", s.startsAt().toString());
        json.put("endsAt", s.endsAt().toString());
        json.put("createdBy", s.createdBy());
        json.put("comment", s.comment());
        return json;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static AlertActor actor(Authentication user) {
        return AlertActor.of(user);
    }
}
