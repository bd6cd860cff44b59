package uk.orderwatch.notification.channels;

import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.directory.AgencyDocument;

/** One outbound channel. Implementations talk to a real peer (SMTP server, GOV.UK Notify, an agency's webhook). */
public interface Channel {

    ChannelType type();

    /** Whether this channel has an address for the person (or their agency). */
    boolean canReach(AgencyDocument.Person person, AgencyDocument agency);

    /**
     * Sends the alert. Returns the provider's reference when it has one (e.g. Notify's notification id).
     *
     * @throws PermanentFailure when retrying cannot help (bad address, refused by the peer for good)
     * @throws RuntimeException  for anything that may work next time
     */
    Sent send(AlertDocument alert, AgencyDocument.Person person, AgencyDocument agency);

    /** What the channel reports once the peer took the alert. */
    record Sent(String providerReference, boolean deliveredNow) {
    }

    /** A failure that retrying cannot fix. */
    class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message) {
            super(message);
        }
    }
}
