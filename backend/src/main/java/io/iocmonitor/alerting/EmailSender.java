package io.iocmonitor.alerting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mails the notification over SMTP ({@code spring.mail.host}, …) from {@code ioc.alerting.email-from}. */
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
    public void send(AlertingProperties.Channel channel, NotificationMessage message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("e-mail channel without SMTP: set spring.mail.host");
        }
        SimpleMailMessage mailMessage = new SimpleMailMessage();
        mailMessage.setFrom(from);
        mailMessage.setTo(channel.email().toArray(String[]::new));
        mailMessage.setSubject(message.subject());
        mailMessage.setText(message.text());
        sender.send(mailMessage);
    }
}
