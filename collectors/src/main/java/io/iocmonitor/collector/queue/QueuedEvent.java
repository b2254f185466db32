package io.iocmonitor.collector.queue;

/**
 * An event as the queue keeps it.
 *
 * @param topic the MQTT topic it goes to
 * @param json  the event object, serialised (one line, UTF-8 on disk)
 */
public record QueuedEvent(String topic, String json) {

    public QueuedEvent {
        if (topic.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a topic cannot contain a line break: " + topic);
        }
    }
}
