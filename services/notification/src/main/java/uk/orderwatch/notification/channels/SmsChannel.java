package uk.orderwatch.notification.channels;

import java.util.Map;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.directory.AgencyDocument;

/**
 * SMS through GOV.UK Notify's own Java client. Off unless {@code orderwatch.sms.notify-api-key} is set. The text is
 * the alert's headline only: what happened, without the subject's or anyone else's name (an SMS is short and may be
 * read by anyone near the phone); Notify's delivery callbacks report whether it arrived.
 */
@Component
public class SmsChannel implements Channel {

    private final NotificationClient client;
    private final String templateId;

    public SmsChannel(NotificationSettings settings) {
        var sms = settings.sms();
        this.client = sms.notifyApiKey().isBlank() ? null
                : new NotificationClient(sms.notifyApiKey(), sms.notifyBaseUrl());
        this.templateId = sms.templateId();
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    public boolean enabled() {
        return client != null;
    }

    @Override
    public boolean canReach(AgencyDocument.Person person, AgencyDocument agency) {
        return enabled() && person != null && person.mobile() != null && !person.mobile().isBlank();
    }

    @Override
    public Sent send(AlertDocument alert, AgencyDocument.Person person, AgencyDocument agency) {
        try {
            var response = client.sendSms(templateId, person.mobile(), Map.of(
                    "priority", alert.priority().name(), "title", alert.headline() != null ? alert.headline()
                            : "New alert in orderwatch", "alert_id", alert.alertId()),
                    alert.alertId());
            return new Sent(response.getNotificationId().toString(), false);
        } catch (NotificationClientException e) {
            int status = e.getHttpResult();
            if (status == 400 || status == 403) {
                throw new PermanentFailure("Notify refused the SMS (HTTP " + status + ")");
            }
            throw new IllegalStateException("Notify (HTTP " + status + ")", e);
        }
    }

    /** Sends a notice that is not an alert through the same template ({@code title} carries its text). */
    public void notice(String mobile, String text, String noticeId) {
        try {
            client.sendSms(templateId, mobile, Map.of("priority", "NOTICE", "title", text, "alert_id", noticeId),
                    noticeId);
        } catch (NotificationClientException e) {
            throw new IllegalStateException("Notify (HTTP " + e.getHttpResult() + ")", e);
        }
    }
}
