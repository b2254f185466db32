package io.iocmonitor.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** POSTs the notification as JSON; any answer but 2xx, or none within 10 s, is a failure to retry. */
@Component
class WebhookSender implements NotificationSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    WebhookSender(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean handles(AlertingProperties.Channel channel) {
        return channel.webhook() != null;
    }

    @Override
    public void send(AlertingProperties.Channel channel, NotificationMessage message)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(channel.webhook()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", Long.toString(message.notificationId()))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message.toJson())))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook " + channel.webhook() + " answered HTTP " + response.statusCode());
        }
    }
}
