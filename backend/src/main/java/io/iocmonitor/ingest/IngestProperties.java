package io.iocmonitor.ingest;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the MQTT subscriber ({@code ioc.mqtt.*}).
 *
 * @param url                external broker; unset in the demo, which starts an in-process one
 * @param clientId           MQTT client id; must be stable across restarts for the persistent session to survive
 * @param sharedGroup        when set, subscribe through the MQTT 5 shared subscription {@code $share/<group>/ioc/v1/#}
 * @param receiveMaximum     unacknowledged messages the broker may have in flight to us (back-pressure)
 * @param maxBatchMessages   messages stored per transaction at most
 * @param maxBatchDelay      how long the first message of a batch waits for others
 * @param sessionExpiry      how long the broker keeps our session (and queued messages) while we are away
 * @param writers            threads storing batches side by side (each its own transaction and connection)
 */
@ConfigurationProperties("ioc.mqtt")
public record IngestProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String clientId,
        @Nullable String sharedGroup,
        Integer receiveMaximum,
        Integer maxBatchMessages,
        Duration maxBatchDelay,
        Duration sessionExpiry,
        Integer writers) {

    public IngestProperties {
        receiveMaximum = receiveMaximum == null ? 1000 : receiveMaximum;
        maxBatchMessages = maxBatchMessages == null ? 500 : maxBatchMessages;
        maxBatchDelay = maxBatchDelay == null ? Duration.ofMillis(50) : maxBatchDelay;
        sessionExpiry = sessionExpiry == null ? Duration.ofDays(1) : sessionExpiry;
        writers = writers == null ? 2 : writers;
        if (writers < 1) {
            throw new IllegalArgumentException("ioc.mqtt.writers must be at least 1, not " + writers);
        }
    }

    String subscriptionFilter() {
        return sharedGroup == null || sharedGroup.isBlank() ? "ioc/v1/#" : "$share/" + sharedGroup + "/ioc/v1/#";
    }
}
