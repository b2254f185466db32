package io.iocmonitor.alerting;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code alertRules} in {@code /actuator/health}: UP with the rule count, or WARNING with the problems of the
 * refused files. WARNING answers HTTP 200 (see application.properties): the server keeps serving and evaluating the
 * last good rules, so a load balancer must not take it out.
 */
@Component("alertRulesHealthIndicator")
class AlertRulesHealth implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "alert rule files refused; the last good rules are in force");

    private final AlertRules rules;

    AlertRulesHealth(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public Health health() {
        Health.Builder health = rules.problems().isEmpty() ? Health.up() : Health.status(WARNING)
                .withDetail("problems", rules.problems());
        return health.withDetail("source", rules.source())
                .withDetail("rulesInForce", rules.inForce().rules().size())
                .build();
    }
}
