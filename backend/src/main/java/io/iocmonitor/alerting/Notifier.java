package io.iocmonitor.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.iocmonitor.alerting.rules.AlertState;
import io.iocmonitor.alerting.rules.Rule;
import io.iocmonitor.alerting.rules.Text;

/**
 * Delivers the outbox's due notifications on a thread per channel, so that a slow or hung receiver holds up
 * neither the evaluation of rules nor the other channels. Each channel's notifications go one at a time in order,
 * a failed delivery retried after a wait that doubles from {@code ioc.alerting.retry-initial} (at most 10 minutes)
 * until {@code ioc.alerting.max-attempts}. A firing notification of a silenced alert waits for the silence to end
 * and goes out then if the alert still fires; one whose alert resolved during the silence is dropped.
 * <p>
 * Delivers only while this instance is the elected leader: each delivery is one transaction that claims the
 * channel under the leader's lock ({@link AlertRepository#claimDeliveries}), sends, and records the outcome, so a
 * new leader resumes what is unsent and never what was recorded as sent. Left open: a crash after the receiver
 * took a message and before the commit, which sends it again (alert-rules/README.md).
 */
@Component
class Notifier implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final Duration SILENCE_RECHECK = Duration.ofSeconds(15);

    private final AlertingProperties properties;
    private final List<NotificationSender> senders;
    private final AlertRules rules;
    private final AlertingLeader leader;
    private final AlertRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();

    Notifier(AlertingProperties properties, List<NotificationSender> senders, AlertRules rules,
            AlertingLeader leader, AlertRepository repository, TransactionTemplate tx, Clock clock) {
        this.properties = properties;
        this.senders = senders;
        this.rules = rules;
        this.leader = leader;
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.enabled() || !running.compareAndSet(false, true)) {
            return;
        }
        properties.channels().keySet().forEach(channel -> workers.add(
                Thread.ofVirtual().name("alert-delivery-" + channel).start(() -> deliverLoop(channel))));
    }

    @Override
    public void stop() {
        running.set(false);
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void deliverLoop(String channel) {
        while (running.get()) {
            boolean delivered = false;
            try {
                Integer session = leader.session();
                delivered = session != null && Boolean.TRUE.equals(tx.execute(s -> deliverNext(channel, session)));
            } catch (RuntimeException e) {
                if (running.get()) {
                    LOG.warn("Deliveries to {} paused: {}", channel, e.toString());
                }
            }
            if (!delivered) {
                try {
                    Thread.sleep(properties.evaluationInterval());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** In the caller's transaction. @return whether a notification was dealt with (more may be due) */
    private boolean deliverNext(String channelName, int leaderSession) {
        if (!repository.claimDeliveries(channelName, leaderSession)) {
            return false;
        }
        Instant now = clock.instant();
        Optional<AlertRepository.Notification> due = repository.nextDueNotification(channelName, now);
        due.ifPresent(n -> deliver(n, properties.channels().get(channelName), now));
        return due.isPresent();
    }

    private void deliver(AlertRepository.Notification n, AlertingProperties.Channel channel, Instant now) {
        Alert alert = repository.alert(n.alertId()).orElse(null);
        if (alert == null) {
            repository.notificationDone(n.id(), "failed", now, "alert " + n.alertId() + " no longer exists");
            return;
        }
        Instant silencedUntil = repository.silences(now).stream().filter(s -> s.isActive(now) && s.matches(alert))
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
            return;
        }
        Text runbook = rules.inForce().rule(alert.rule()).map(Rule::runbook).orElse(null);
        try {
            sender(channel).send(channel, new NotificationMessage(n.id(), n.transition(), alert, runbook));
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            Instant failed = clock.instant();
            if (n.attempts() + 1 >= properties.maxAttempts()) {
                LOG.error("Notification {} of alert {} to {} given up after {} attempts: {}", n.id(),
                        alert.id(), n.channel(), n.attempts() + 1, error);
                repository.notificationDone(n.id(), "failed", failed, error);
            } else {
                Instant next = failed.plus(backoff(properties.retryInitial(), n.attempts()));
                LOG.warn("Notification {} to {} failed ({}), next attempt at {}", n.id(), n.channel(), error, next);
                repository.notificationRetry(n.id(), next, error);
            }
            return;
        }
        // the receiver has it: recorded and committed at once, since a crash from here to the commit resends it
        repository.notificationDone(n.id(), "sent", clock.instant(), null);
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
