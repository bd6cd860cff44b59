package uk.orderwatch.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.orderwatch.support.config.Settings;

/**
 * notification's settings ({@code orderwatch.*}), defaults in its application.yml, checked at start.
 *
 * @param timers             how often due deliveries and passed acknowledgement deadlines are looked for
 * @param acknowledgeWithin  the wait of each step of the standard escalation policy (an agency that recorded none
 *                           of its own), per priority
 * @param delivery           the delivery worker
 * @param channels           the guards around each channel (resilience4j)
 * @param email              SMTP, and where the links in emails lead
 * @param sms                GOV.UK Notify; SMS is off while no API key is set
 * @param webhooks           which agency webhook URLs may be posted to
 */
@ConfigurationProperties("orderwatch")
public record NotificationSettings(Settings.Timers timers, AcknowledgeWithin acknowledgeWithin,
                                   Delivery delivery, Channels channels, Email email, Sms sms,
                                   Webhooks webhooks) {

    public NotificationSettings {
        Settings.require("orderwatch.timers", timers);
        Settings.require("orderwatch.acknowledge-within", acknowledgeWithin);
        Settings.require("orderwatch.delivery", delivery);
        Settings.require("orderwatch.channels", channels);
        Settings.require("orderwatch.email", email);
        Settings.require("orderwatch.sms", sms);
        Settings.require("orderwatch.webhooks", webhooks);
    }

    public record AcknowledgeWithin(Duration high, Duration medium) {
        public AcknowledgeWithin {
            Settings.positive("orderwatch.acknowledge-within.high", high);
            Settings.positive("orderwatch.acknowledge-within.medium", medium);
        }
    }

    /**
     * @param maxAttempts attempts per channel before it counts as failed for good
     * @param retryAfter  the first wait before a channel is tried again (doubling, up to 64 times)
     * @param claimFor    how long a worker holds an alert it is delivering before another may take it
     * @param readsKeptFor how long the agency, its duty arrangements and a person's notification rules read for
     *                    alerts are kept before they are read again (a change made through another instance takes
     *                    effect within it; one made through this one at once); zero reads every time
     */
    public record Delivery(int maxAttempts, Duration retryAfter, Duration claimFor, Duration readsKeptFor) {
        public Delivery {
            Settings.require("orderwatch.delivery.reads-kept-for", readsKeptFor);
            Settings.positive("orderwatch.delivery.max-attempts", maxAttempts);
            Settings.positive("orderwatch.delivery.retry-after", retryAfter);
            Settings.positive("orderwatch.delivery.claim-for", claimFor);
        }
    }

    /**
     * @param attempts       tries within one delivery attempt (retry)
     * @param firstBackoff   the first wait between those tries
     * @param timeout        one call's time limit
     * @param breakerOpenFor how long a channel that keeps failing is left alone (circuit breaker)
     */
    public record Channels(int attempts, Duration firstBackoff, Duration timeout, Duration breakerOpenFor) {
        public Channels {
            Settings.positive("orderwatch.channels.attempts", attempts);
            Settings.positive("orderwatch.channels.first-backoff", firstBackoff);
            Settings.positive("orderwatch.channels.timeout", timeout);
            Settings.positive("orderwatch.channels.breaker-open-for", breakerOpenFor);
        }
    }

    /**
     * @param from      the sender of alert emails
     * @param portalUrl the portal users open from an alert email: each email links to its alert's page there
     */
    public record Email(String from, String portalUrl) {
        public Email {
            Settings.require("orderwatch.email.from", from);
            Settings.require("orderwatch.email.portal-url", portalUrl);
            portalUrl = portalUrl.replaceAll("/+$", "");
        }
    }

    /**
     * @param notifyApiKey  the GOV.UK Notify API key; blank: SMS is off
     * @param notifyBaseUrl Notify's API
     * @param templateId    the SMS template, with the alert's text as its one personalisation
     * @param callbackToken the bearer token Notify's delivery receipts must carry; blank: receipts are refused
     */
    public record Sms(String notifyApiKey, String notifyBaseUrl, String templateId, String callbackToken) {
        public Sms {
            notifyApiKey = notifyApiKey == null ? "" : notifyApiKey;
            Settings.require("orderwatch.sms.notify-base-url", notifyBaseUrl);
            templateId = templateId == null ? "" : templateId;
            callbackToken = callbackToken == null ? "" : callbackToken;
        }
    }

    /**
     * @param allowPlainHttp        http as well as https (a demo or test stack only)
     * @param allowPrivateAddresses loopback and private addresses too (a demo or test stack whose receiver runs on
     *                              the same machine only)
     */
    public record Webhooks(boolean allowPlainHttp, boolean allowPrivateAddresses) {
    }
}
