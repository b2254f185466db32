package io.iocmonitor.alerting;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alerting settings ({@code ioc.alerting.*}).
 *
 * @param enabled            whether this instance takes part in the election of the evaluator and notifier
 * @param evaluationInterval how often rules are evaluated (a rule's {@code every} may slow it down)
 * @param retryInitial       first wait after a failed delivery; doubled at each attempt, at most 10 minutes
 * @param maxAttempts        deliveries tried before a notification is given up as failed
 * @param channels           where notifications go, by channel name
 */
@ConfigurationProperties("ioc.alerting")
public record AlertingProperties(@Nullable Boolean enabled, @Nullable Duration evaluationInterval,
        @Nullable Duration retryInitial, @Nullable Integer maxAttempts, @Nullable Map<String, Channel> channels) {

    public AlertingProperties {
        enabled = enabled == null || enabled;
        evaluationInterval = evaluationInterval == null ? Duration.ofSeconds(2) : evaluationInterval;
        retryInitial = retryInitial == null ? Duration.ofSeconds(5) : retryInitial;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    /**
     * One destination and which alerts it receives.
     *
     * @param webhook    URL that receives a JSON POST per notification
     * @param email      addresses that receive an e-mail per notification (SMTP from {@code spring.mail.*})
     * @param severities only these severities (empty: all)
     * @param provinces  only alerts of these provinces (empty: all, national alerts included)
     */
    public record Channel(@Nullable String webhook, @Nullable List<String> email, @Nullable List<String> severities,
            @Nullable List<String> provinces) {

        public Channel {
            email = email == null ? List.of() : List.copyOf(email);
            severities = severities == null ? List.of() : List.copyOf(severities);
            provinces = provinces == null ? List.of() : List.copyOf(provinces);
        }

        /** Whether an alert of this severity and province (null: national) is routed here. */
        public boolean routes(String severity, @Nullable String province) {
            return (severities.isEmpty() || severities.contains(severity))
                    && (provinces.isEmpty() || (province != null && provinces.contains(province)));
        }
    }
}
