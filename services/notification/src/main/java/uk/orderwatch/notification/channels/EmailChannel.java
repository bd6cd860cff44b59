package uk.orderwatch.notification.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.directory.AgencyDocument;

/** Email through SMTP, on connections kept open ({@link SmtpConnections}). */
@Component
public class EmailChannel implements Channel {

    private final SmtpConnections mail;
    private final String from;
    private final String portalUrl;

    public EmailChannel(SmtpConnections mail, NotificationSettings settings) {
        this.mail = mail;
        this.from = settings.email().from();
        this.portalUrl = settings.email().portalUrl();
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public boolean canReach(AgencyDocument.Person person, AgencyDocument agency) {
        return person != null && person.email() != null && !person.email().isBlank();
    }

    @Override
    public Sent send(AlertDocument alert, AgencyDocument.Person person, AgencyDocument agency) {
        try {
            var message = mail.newMessage();
            var helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(person.email(), true));
            helper.setSubject("[orderwatch " + alert.priority() + "] " + alert.title());
            helper.setText("Dear " + person.name() + ",\n\n" + alert.body() + "\nRead and acknowledge this alert in "
                    + "orderwatch: " + portalUrl + "/alerts/" + alert.alertId() + "\n");
            message.setHeader("X-Orderwatch-Alert", alert.alertId());
            // one Message-ID per alert: if a crash between sending and recording makes the worker send it again,
            // mail systems and clients see the same message twice and keep one
            message.setHeader("Message-ID", messageId(alert.alertId()));
            mail.send(message);
            return new Sent(null, true);
        } catch (AddressException e) {
            throw new PermanentFailure("invalid email address");
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a message that is not an alert (a notice that where alerts go has changed) to {@code to}, with a
     * Message-ID of its own so that a second attempt is recognised as the same message.
     */
    public void notice(String to, String subject, String text, String noticeId) {
        try {
            var message = mail.newMessage();
            var helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(to, true));
            helper.setSubject(subject);
            helper.setText(text);
            message.setHeader("X-Orderwatch-Notice", noticeId);
            message.setHeader("Message-ID", "<notice." + noticeId + "@orderwatch>");
            mail.send(message);
        } catch (AddressException e) {
            throw new PermanentFailure("invalid email address");
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP: " + e.getMessage(), e);
        }
    }

    /** The Message-ID of an alert's email, the same on every attempt ({@link SmtpConnections} keeps one set). */
    public static String messageId(String alertId) {
        return "<alert." + alertId + "@orderwatch>";
    }
}
