package io.iocmonitor.alerting;

/** Delivers a notification over one kind of channel; throws when the receiver did not take it. */
interface NotificationSender {

    boolean handles(AlertingProperties.Channel channel);

    void send(AlertingProperties.Channel channel, NotificationMessage message) throws Exception;
}
