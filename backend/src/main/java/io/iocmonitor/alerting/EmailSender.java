package io.iocmonitor.alerting;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * E-mails the notification over SMTP ({@code spring.mail.host}, …) from {@code ioc.alerting.email-from}, with a
 * Message-ID of the notification's own: a repeat after a failover (alert-rules/README.md) carries the same one, as
 * a webhook's repeat carries the same {@code Idempotency-Key}, so that mail systems and readers can tell it.
 */
@Component
class EmailSender implements NotificationSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail,
            @org.springframework.beans.factory.annotation.Value("${ioc.alerting.email-from:ioc-monitor@localhost}")
            String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public boolean handles(AlertingProperties.Channel channel) {
        return !channel.email().isEmpty();
    }

    @Override
    public void send(AlertingProperties.Channel channel, NotificationMessage message) throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("e-mail channel without SMTP: set spring.mail.host");
        }
        MimeMessage mimeMessage = sender.createMimeMessage();
        MimeMessageHelper mailMessage = new MimeMessageHelper(mimeMessage, StandardCharsets.UTF_8.name());
        mailMessage.setFrom(from);
        mailMessage.setTo(channel.email().toArray(String[]::new));
        mailMessage.setSubject(message.subject());
        mailMessage.setText(message.text());
        // JavaMailSender keeps a Message-ID set beforehand instead of making a random one
        mimeMessage.setHeader("Message-ID", messageId(message, new InternetAddress(from).getAddress()));
        sender.send(mimeMessage);
    }

    /** Unique to the notification, and across installations unless two share an alert id and its start instant. */
    private static String messageId(NotificationMessage message, String fromAddress) {
        int at = fromAddress.indexOf('@');
        return "<ioc-notification-" + message.notificationId() + "." + message.alert().id() + "."
                + message.alert().startsAt().toEpochMilli() + "@"
                + (at < 0 ? "localhost" : fromAddress.substring(at + 1)) + ">";
    }
}
