package io.iocmonitor.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.iocmonitor.alerting.rules.AlertLifecycle;
import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.alerting.rules.AlertTrack;
import io.iocmonitor.alerting.rules.GroupOutcome;
import io.iocmonitor.alerting.rules.Observation;
import io.iocmonitor.alerting.rules.Rule;
import io.iocmonitor.alerting.rules.RuleEvaluation;
import io.iocmonitor.alerting.rules.RuleTestRunner;
import io.iocmonitor.alerting.rules.SignalKind;
import io.iocmonitor.alerting.rules.Text;
import io.iocmonitor.reference.Province;
import io.iocmonitor.reference.ReferenceData;

/**
 * One evaluation cycle of the rules in force: asks each signal once per window and grain, steps every alert of
 * every due rule ({@link RuleEvaluation}) and writes the outcome of each rule in one transaction with the
 * notifications it causes (the outbox), so that a transition and its announcement are committed together or not
 * at all. Runs only on the elected instance ({@link AlertingLeader}).
 */
@Component
class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRules rules;
    private final Map<SignalKind, SignalSource> sources = new EnumMap<>(SignalKind.class);
    private final ReferenceData reference;
    private final AlertingProperties properties;
    private final Map<String, Instant> lastEvaluated = new HashMap<>();

    AlertEvaluator(AlertRules rules, List<SignalSource> sources, ReferenceData reference,
            AlertingProperties properties) {
        this.rules = rules;
        for (SignalSource source : sources) {
            source.kinds().forEach(kind -> this.sources.put(kind, source));
        }
        this.reference = reference;
        this.properties = properties;
    }

    /**
     * A newly elected leader evaluates everything at once, and gives up the notifications still queued for
     * channels that are no longer configured (nothing would deliver them).
     */
    void takeOver(AlertRepository repository, Instant now) {
        lastEvaluated.clear();
        repository.failNotificationsOfOtherChannels(properties.channels().keySet(), now);
    }

    void evaluate(AlertRepository repository, TransactionTemplate tx, Instant now) {
        Map<String, Map<String, AlertRepository.OpenAlert>> open = repository.openAlerts();
        Map<SignalRequest, List<Observation>> asked = new HashMap<>();
        Set<String> names = new java.util.HashSet<>();
        for (Rule rule : rules.inForce().rules()) {
            names.add(rule.name());
            Duration every = rule.every() != null ? rule.every() : properties.evaluationInterval();
            Instant last = lastEvaluated.get(rule.name());
            if (last != null && now.isBefore(last.plus(every).minusMillis(100))) {
                continue;
            }
            lastEvaluated.put(rule.name(), now);
            SignalSource source = sources.get(rule.signal());
            if (source == null) {
                LOG.warn("Rule {}: no source for signal {}", rule.name(), rule.signal().wireName());
                continue;
            }
            try {
                SignalRequest request = new SignalRequest(rule.signal(), rule.window(), rule.scope().grain(), now);
                List<Observation> observations = asked.computeIfAbsent(request, source::observe);
                Map<String, AlertRepository.OpenAlert> ruleOpen = open.getOrDefault(rule.name(), Map.of());
                Map<String, AlertTrack> tracks = new HashMap<>();
                ruleOpen.forEach((group, alert) -> tracks.put(group, alert.track()));
                List<GroupOutcome> outcomes = RuleEvaluation.evaluate(rule, observations, tracks, now);
                if (!outcomes.isEmpty()) {
                    tx.executeWithoutResult(s -> outcomes.forEach(o -> write(repository, rule, o,
                            ruleOpen.get(o.groupKey()), now)));
                }
            } catch (RuntimeException e) {
                LOG.error("Rule {} ({}) could not be evaluated: {}", rule.name(), rule.file(), e.toString(), e);
            }
        }
        if (rules.inForce().isValid() && !rules.inForce().rules().isEmpty()) {
            resolveRemovedRules(repository, tx, open, names, now);
        }
    }

    private void write(AlertRepository repository, Rule rule, GroupOutcome outcome,
            AlertRepository.@Nullable OpenAlert previous, Instant now) {
        AlertTrack next = outcome.step().next();
        AlertLifecycle.Transition transition = outcome.step().transition();
        if (transition == AlertLifecycle.Transition.DROPPED) {
            repository.delete(previous.id());
            return;
        }
        if (next == null) {
            return;
        }
        String provinceName = outcome.province() == null ? null : reference.province(outcome.province())
                .map(Province::name).orElse(outcome.province());
        Text summary = AlertTexts.summary(rule, provinceName, outcome.value(), outcome.members());
        List<Alert.Member> members = outcome.members().stream()
                .map(m -> new Alert.Member(m.key(), m.value())).toList();
        long id;
        if (previous == null) {
            id = repository.insert(rule.name(), outcome.groupKey(), outcome.province(), rule.severity(),
                    RuleTestRunner.labels(rule, outcome.province()), next, members, outcome.value(), summary,
                    outcome.evidence());
        } else {
            id = previous.id();
            repository.update(id, next, members, outcome.value(), summary, outcome.evidence(),
                    next.state() == AlertState.RESOLVED ? now : null);
        }
        switch (transition) {
            case PENDING -> repository.event(id, now, "pending", null, summary.en());
            case FIRING -> {
                repository.event(id, now, "firing", null, summary.en());
                // silences are applied at delivery (Notifier), which holds the page until a silence ends
                properties.channels().forEach((name, channel) -> {
                    if (channel.routes(rule.severity().wireName(), outcome.province())) {
                        repository.enqueue(id, "firing", name, "pending", now);
                    }
                });
            }
            case RESOLVED -> resolved(repository, id, now, null);
            default -> { }
        }
    }

    /** Records a resolution and tells the channels that were told of the firing. */
    static void resolved(AlertRepository repository, long id, Instant now, @Nullable String byHand) {
        repository.event(id, now, byHand == null ? "resolved" : "resolved-by-hand", byHand, null);
        for (String channel : repository.channelsToldOfFiring(id)) {
            repository.enqueue(id, "resolved", channel, "pending", now);
        }
    }

    private static void resolveRemovedRules(AlertRepository repository, TransactionTemplate tx,
            Map<String, Map<String, AlertRepository.OpenAlert>> open, Set<String> names, Instant now) {
        open.forEach((rule, alerts) -> {
            if (!names.contains(rule)) {
                tx.executeWithoutResult(s -> alerts.values().forEach(a -> {
                    repository.resolveRemovedRule(a.id(), now);
                    resolved(repository, a.id(), now, null);
                }));
            }
        });
    }
}
