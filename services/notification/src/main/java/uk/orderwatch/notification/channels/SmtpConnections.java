package uk.orderwatch.notification.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server connections email goes through, kept open and used again: one SMTP connection per message cost a
 * TCP and SMTP handshake for each of the three alerts a report raises (issue 20). A connection idle for longer than
 * {@link #MAX_IDLE}, or that no longer answers NOOP, is closed and a new one opened; one whose send failed is closed,
 * so a broken connection is never handed out again. At most {@link #KEPT} idle connections are kept; more may be
 * open at once while as many emails are being sent. The host, port and credentials are Spring Mail's
 * ({@code spring.mail.*}).
 */
@Component
public class SmtpConnections implements DisposableBean {

    /**
     * Jakarta Mail looks up its stream provider through the ServiceLoader each time a message is encoded or written
     * (jakartaee/mail-api#861), which in a Spring Boot jar scans the nested jars: 30% of notification's CPU at 50
     * reports/s. Naming the provider skips the scan (the lookup reads this property first); left alone if set.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    static final int KEPT = 4;
    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    /** A kept connection and since when (System.nanoTime) it has been idle. */
    private record Idle(Transport transport, long since) {
    }

    private final JavaMailSenderImpl settings;
    private final Clock clock;
    private final Deque<Idle> idle = new ArrayDeque<>();

    public SmtpConnections(JavaMailSenderImpl settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A new message in the mail session. */
    public MimeMessage newMessage() {
        return settings.createMimeMessage();
    }

    /** Sends {@code message}, keeping the Message-ID it was given (a second attempt is then the same message). */
    public void send(MimeMessage message) throws MessagingException {
        String messageId = message.getMessageID();
        if (message.getSentDate() == null) {
            message.setSentDate(Date.from(clock.instant()));
        }
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Transport transport = borrow();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(transport);
            throw e;
        }
        giveBack(transport);
    }

    private Transport borrow() throws MessagingException {
        while (true) {
            Idle kept;
            synchronized (idle) {
                kept = idle.pollFirst();
            }
            if (kept == null) {
                break;
            }
            boolean fresh = System.nanoTime() - kept.since() < MAX_IDLE.toNanos();
            if (fresh && kept.transport().isConnected()) {
                return kept.transport();
            }
            close(kept.transport());
        }
        Transport transport = settings.getSession().getTransport(settings.getProtocol() == null ? "smtp"
                : settings.getProtocol());
        transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        return transport;
    }

    private void giveBack(Transport transport) {
        synchronized (idle) {
            if (idle.size() < KEPT) {
                idle.addFirst(new Idle(transport, System.nanoTime()));
                return;
            }
        }
        close(transport);
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // already gone
        }
    }

    @Override
    public void destroy() {
        synchronized (idle) {
            idle.forEach(i -> close(i.transport()));
            idle.clear();
        }
    }
}
