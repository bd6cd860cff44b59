package uk.orderwatch.faults;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What reached the recipients, as their systems saw it: each email at the mail server (by its alert header) and each
 * webhook POST, with when it was first seen. Keyed by alert id and channel, so a second delivery of the same alert on
 * the same channel shows up as a repeat.
 */
final class Receipts {

    enum Channel { EMAIL, WEBHOOK }

    record Receipt(String alertId, Channel channel, Instant at, String messageId) {
    }

    private final GreenMail mail;
    private final Map<String, List<Receipt>> byAlert = new ConcurrentHashMap<>();
    private final Set<MimeMessage> seenMail = Collections.newSetFromMap(new IdentityHashMap<>());

    Receipts(GreenMail mail) {
        this.mail = mail;
    }

    void received(String alertId, Channel channel) {
        add(new Receipt(alertId, channel, Instant.now(), "msg_" + alertId));
    }

    private void add(Receipt receipt) {
        byAlert.computeIfAbsent(receipt.alertId(), k -> Collections.synchronizedList(new ArrayList<>())).add(receipt);
    }

    /** Takes in the emails the mail server received since the last look. */
    synchronized void scanMail() {
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (seenMail.add(m)) {
                try {
                    String[] alert = m.getHeader("X-Orderwatch-Alert");
                    if (alert != null) {
                        add(new Receipt(alert[0], Channel.EMAIL, Instant.now(), m.getMessageID()));
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Every delivery of the alert, on any channel. */
    List<Receipt> of(String alertId) {
        var list = byAlert.get(alertId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
