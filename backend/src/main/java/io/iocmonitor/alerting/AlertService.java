package io.iocmonitor.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.security.OutOfScopeException;
import io.iocmonitor.security.ProvinceScope;

/**
 * Alerts for people: the list and history, cut to the caller's scope (a provincial user sees only the province's
 * alerts, never national ones), and the operators' actions. Every action is written to the alert's history.
 */
@Service
public class AlertService {

    /** Resolved alerts are history: lists are capped. */
    static final int LIST_LIMIT = 500;

    private final AlertRepository repository;
    private final AlertRules rules;
    private final Clock clock;

    AlertService(AlertRepository repository, AlertRules rules, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * @param state    {@code firing}, {@code pending}, {@code resolved} or {@code all}
     * @param province only this province; {@code null}: everything in scope
     */
    @Transactional(readOnly = true)
    public List<Alert> alerts(String state, @Nullable String province, ProvinceScope scope) {
        List<AlertState> states = switch (state) {
            case "firing" -> List.of(AlertState.FIRING);
            case "pending" -> List.of(AlertState.PENDING);
            case "resolved" -> List.of(AlertState.RESOLVED);
            case "all" -> List.of(AlertState.values());
            default -> throw new IllegalArgumentException("parameter \"state\": \"" + state
                    + "\" is not one of firing, pending, resolved, all");
        };
        if (province != null && !scope.allows(province)) {
            throw new OutOfScopeException(province);
        }
        return repository.alerts(states, province != null ? province : scope.province(), LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public Optional<Alert> alert(long id, ProvinceScope scope) {
        return repository.alert(id).filter(a -> inScope(a, scope));
    }

    @Transactional(readOnly = true)
    public List<AlertEvent> history(long id, ProvinceScope scope) {
        return alert(id, scope).map(a -> repository.events(id)).orElse(List.of());
    }

    @Transactional
    public Alert acknowledge(long id, String comment, AlertActor actor) {
        Alert alert = actOn(id, actor);
        Instant now = clock.instant();
        repository.acknowledge(id, actor.username(), now);
        repository.event(id, now, "acknowledged", actor.username(), comment);
        return repository.alert(alert.id()).orElseThrow();
    }

    /** @param assignee {@code null} or blank: nobody */
    @Transactional
    public Alert assign(long id, @Nullable String assignee, AlertActor actor) {
        actOn(id, actor);
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        repository.assign(id, who);
        repository.event(id, clock.instant(), "assigned", actor.username(), who);
        return repository.alert(id).orElseThrow();
    }

    @Transactional
    public Alert comment(long id, String comment, AlertActor actor) {
        actOn(id, actor);
        if (comment.isBlank()) {
            throw new IllegalArgumentException("a comment needs text");
        }
        repository.event(id, clock.instant(), "commented", actor.username(), comment);
        return repository.alert(id).orElseThrow();
    }

    /**
     * Resolves by hand, telling the channels that were told of its firing. If its condition still holds, the next
     * evaluation opens a new alert: the trouble is not hidden.
     */
    @Transactional
    public Alert resolve(long id, @Nullable String comment, AlertActor actor) {
        actOn(id, actor);
        Instant now = clock.instant();
        if (repository.resolveByHand(id, actor.username(), now)) {
            AlertEvaluator.resolved(repository, id, now, actor.username());
            if (comment != null && !comment.isBlank()) {
                repository.event(id, now, "commented", actor.username(), comment);
            }
        }
        return repository.alert(id).orElseThrow();
    }

    // --- silences ------------------------------------------------------------------------------------------------

    /** Silences in force or to come, those of the caller's province for a provincial user. */
    @Transactional(readOnly = true)
    public List<Silence> silences(ProvinceScope scope) {
        return repository.silences(clock.instant()).stream()
                .filter(s -> scope.isNational() || scope.province().equals(s.matchers().get("province")))
                .toList();
    }

    /**
     * @param matchers label → exact value, at least one; a provincial operator's silence always carries its
     *                 province
     */
    @Transactional
    public Silence silence(Map<String, String> matchers, Instant startsAt, Instant endsAt, String comment,
            AlertActor actor) {
        requireAct(actor);
        Map<String, String> m = new LinkedHashMap<>(matchers);
        m.values().removeIf(v -> v == null || v.isBlank());
        if (!actor.scope().isNational()) {
            String own = actor.scope().province();
            String asked = m.putIfAbsent("province", own);
            if (asked != null && !asked.equals(own)) {
                throw new OutOfScopeException(asked);
            }
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher (e.g. province=01)");
        }
        for (String unmatchable : List.of("commune", "target")) {
            if (m.containsKey(unmatchable)) {
                // it would be saved and silence nothing: alerts are grouped by rule and province
                throw new IllegalArgumentException("\"" + unmatchable + "\" is not an alert label: alerts are "
                        + "grouped by rule and province (the communes are listed in each alert); silence by province, "
                        + "rule, severity or a rule's own labels");
            }
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end (" + endsAt + ") after it starts (" + startsAt
                    + ")");
        }
        if (comment.isBlank()) {
            throw new IllegalArgumentException("a silence needs a comment saying why (e.g. the maintenance)");
        }
        long id = repository.insertSilence(m, startsAt, endsAt, actor.username(), comment, clock.instant());
        return repository.silence(id).orElseThrow();
    }

    /** @return whether there was such a silence in the caller's scope */
    @Transactional
    public boolean deleteSilence(long id, AlertActor actor) {
        requireAct(actor);
        Optional<Silence> silence = repository.silence(id);
        if (silence.isEmpty()) {
            return false;
        }
        String province = silence.get().matchers().get("province");
        if (!actor.scope().isNational() && !actor.scope().province().equals(province)) {
            throw new OutOfScopeException(province == null ? "national" : province);
        }
        return repository.deleteSilence(id);
    }

    /** Whether any active silence covers the alert, for the console to show. */
    @Transactional(readOnly = true)
    public boolean isSilenced(Alert alert) {
        Instant now = clock.instant();
        return repository.silences(now).stream().anyMatch(s -> s.isActive(now) && s.matches(alert));
    }

    /** The names of the rules in force, sorted: what a silence's {@code rule} matcher can name. */
    public List<String> ruleNames() {
        return rules.inForce().rules().stream().map(io.iocmonitor.alerting.rules.Rule::name).sorted().toList();
    }

    /** Why the rule files were refused, if they were (the last good rules are in force). */
    public List<String> ruleProblems() {
        return rules.problems();
    }

    public Instant now() {
        return clock.instant();
    }

    private Alert actOn(long id, AlertActor actor) {
        requireAct(actor);
        Alert alert = repository.alert(id).orElseThrow(() -> new java.util.NoSuchElementException("no alert " + id));
        if (!inScope(alert, actor.scope())) {
            throw new OutOfScopeException(alert.province() == null ? "national" : alert.province());
        }
        return alert;
    }

    private static void requireAct(AlertActor actor) {
        if (!actor.mayAct()) {
            throw new NotAllowedException(actor.username() + " may read alerts but not act on them");
        }
    }

    private static boolean inScope(Alert alert, ProvinceScope scope) {
        return scope.isNational() || (alert.province() != null && scope.allows(alert.province()));
    }
}
