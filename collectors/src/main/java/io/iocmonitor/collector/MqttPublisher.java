package io.iocmonitor.collector;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** Publishes events to the broker as JSON arrays (batches), QoS 1. */
public final class MqttPublisher implements AutoCloseable {

    private final MqttClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    public MqttPublisher(String brokerUrl, String clientId, @Nullable String username, @Nullable String password)
            throws MqttException {
        client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options);
    }

    /** Publishes the events as one batch message on the topic. */
    public void publish(String topic, List<? extends JsonNode> events) throws MqttException {
        ArrayNode batch = json.createArrayNode();
        events.forEach(batch::add);
        MqttMessage message = new MqttMessage(json.writeValueAsBytes(batch));
        message.setQos(1);
        client.publish(topic, message);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
