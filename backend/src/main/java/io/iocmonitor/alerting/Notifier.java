package io.iocmonitor.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.alerting.rules.Rule;
import io.iocmonitor.alerting.rules.Text;

/**
 * Delivers the outbox's due notifications, one at a time in order, retrying a failed delivery after a wait that
 * doubles from {@code ioc.alerting.retry-initial} (at most 10 minutes) until {@code ioc.alerting.max-attempts}.
 * A firing notification of a silenced alert waits for the silence to end and goes out then if the alert still
 * fires; one whose alert resolved during the silence is dropped. Runs only on the elected instance.
 */
@Component
class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration SILENCE_RECHECK = Duration.ofSeconds(15);

    private final AlertingProperties properties;
    private final List<NotificationSender> senders;
    private final AlertRules rules;

    Notifier(AlertingProperties properties, List<NotificationSender> senders, AlertRules rules) {
        this.properties = properties;
        this.senders = senders;
        this.rules = rules;
    }

    void deliverDue(AlertRepository repository, Instant now) {
        List<Silence> silences = repository.silences(now);
        for (AlertRepository.Notification n : repository.dueNotifications(now, 100)) {
            Alert alert = repository.alert(n.alertId()).orElse(null);
            AlertingProperties.Channel channel = properties.channels().get(n.channel());
            if (alert == null || channel == null) {
                repository.notificationDone(n.id(), "failed", now, "channel " + n.channel() + " is not configured");
                continue;
            }
            Instant silencedUntil = silences.stream().filter(s -> s.isActive(now) && s.matches(alert))
                    .map(Silence::endsAt).max(Instant::compareTo).orElse(null);
            if (silencedUntil != null) {
                if ("firing".equals(n.transition()) && alert.state() == AlertState.FIRING) {
                    // still firing when the maintenance window ends: page then; looked at again every
                    // SILENCE_RECHECK in case the silence is ended early
                    Instant recheck = now.plus(SILENCE_RECHECK);
                    repository.notificationDefer(n.id(), silencedUntil.isBefore(recheck) ? silencedUntil : recheck);
                } else {
                    repository.notificationDone(n.id(), "silenced", now, null);
                }
                continue;
            }
            Text runbook = rules.inForce().rule(alert.rule()).map(Rule::runbook).orElse(null);
            try {
                sender(channel).send(channel, new NotificationMessage(n.id(), n.transition(), alert, runbook));
                repository.notificationDone(n.id(), "sent", now, null);
            } catch (Exception e) {
                String error = e.getMessage() == null ? e.toString() : e.getMessage();
                if (n.attempts() + 1 >= properties.maxAttempts()) {
                    LOG.error("Notification {} of alert {} to {} given up after {} attempts: {}", n.id(),
                            alert.id(), n.channel(), n.attempts() + 1, error);
                    repository.notificationDone(n.id(), "failed", now, error);
                } else {
                    Instant next = now.plus(backoff(properties.retryInitial(), n.attempts()));
                    LOG.warn("Notification {} to {} failed ({}), next attempt at {}", n.id(), n.channel(), error,
                            next);
                    repository.notificationRetry(n.id(), next, error);
                }
            }
        }
    }

    /** The wait after the {@code attempts + 1}-th failure: initial, 2×, 4×, … at most 10 minutes. */
    static Duration backoff(Duration initial, int attempts) {
        Duration wait = initial.multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private NotificationSender sender(AlertingProperties.Channel channel) {
        Optional<NotificationSender> sender = senders.stream().filter(s -> s.handles(channel)).findFirst();
        return sender.orElseThrow(() -> new IllegalStateException("channel has neither webhook nor email"));
    }
}
