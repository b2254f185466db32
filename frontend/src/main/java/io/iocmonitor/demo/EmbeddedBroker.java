package io.iocmonitor.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;


import com.hivemq.embedded.EmbeddedHiveMQ;

/**
 * An in-process MQTT 5 broker (HiveMQ Community Edition) for the demo, listening on 127.0.0.1 only, with its
 * folders in a temporary directory.
 */
final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hiveMq;
    private final Path home;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hiveMq, Path home, int port) {
        this.hiveMq = hiveMq;
        this.home = home;
        this.port = port;
    }

    static EmbeddedBroker start(int port) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("ioc-mqtt-");
        Path config = Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("extensions"));
        Files.writeString(config.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <!-- HiveMQ's default queues 1000 messages for a subscriber that is behind and drops the rest;
                         the simulator's back-filled history is tens of thousands of messages at once -->
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>10000000</max-queue-size>
                        </queued-messages>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ hiveMq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(config)
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .build();
        try {
            hiveMq.start().get();
        } catch (ExecutionException e) {
            throw new IOException("the embedded MQTT broker did not start on port " + port, e.getCause());
        }
        return new EmbeddedBroker(hiveMq, home, port);
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }



    @Override
    public void close() throws Exception {
        try {
            hiveMq.stop().get();
            hiveMq.close();
        } finally {
            LocalResources.deleteQuietly(home);
        }
    }
}
