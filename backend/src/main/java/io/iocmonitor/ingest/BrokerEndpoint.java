package io.iocmonitor.ingest;

import org.jspecify.annotations.Nullable;

/**
 * Where the MQTT broker is: the external one of {@code ioc.mqtt.url}, or the in-process broker of the demo.
 *
 * @param url e.g. {@code tcp://broker:1883}
 */
public record BrokerEndpoint(String url, @Nullable String username, @Nullable String password) {

    @Override
    public String toString() {
        return url + (username == null ? "" : " as " + username);
    }
}
