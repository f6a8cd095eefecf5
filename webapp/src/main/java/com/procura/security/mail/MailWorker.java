package com.procura.security.mail;

import com.procura.platform.config.SecurityConfig;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox through the configured SMTP server with Jakarta Mail (Eclipse Angus), in one
 * background thread, so that a slow or absent mail server never slows a login down.
 */
public final class MailWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);

    private final MailOutbox outbox;
    private final SecurityConfig.Mail config;
    private final Clock clock;
    private final Duration pollInterval;
    private final Session session;
    private final Thread thread;
    private volatile boolean running = true;

    public MailWorker(MailOutbox outbox, SecurityConfig.Mail config, Clock clock, Duration pollInterval) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.session = Session.getInstance(properties(config));
        this.thread = Thread.ofPlatform().name("mail-worker").daemon(true).start(this::loop);
    }

    private static Properties properties(SecurityConfig.Mail config) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.host());
        properties.put("mail.smtp.port", Integer.toString(config.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (config.starttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        config.user().ifPresent(user -> properties.put("mail.smtp.auth", "true"));
        return properties;
    }

    private void loop() {
        while (running) {
            try {
                List<MailOutbox.Message> due = outbox.claimDue(20);
                due.forEach(this::deliver);
                if (due.isEmpty()) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("The mail worker could not read the outbox, retrying: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void deliver(MailOutbox.Message message) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(config.from(), true));
            mime.setRecipients(RecipientType.TO, new InternetAddress[] {new InternetAddress(message.recipient(), true)});
            mime.setSubject(message.subject(), "UTF-8");
            mime.setText(message.body(), "UTF-8");
            mime.setSentDate(Date.from(clock.instant()));
            if (config.user().isPresent()) {
                Transport.send(mime, config.user().get(), config.password().orElse(""));
            } else {
                Transport.send(mime);
            }
            outbox.sent(message.id());
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Sending e-mail {} to {} failed (attempt {}): {}", message.id(), message.recipient(),
                    message.attempts() + 1, e.getMessage());
            outbox.failed(message, String.valueOf(e.getMessage()));
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
