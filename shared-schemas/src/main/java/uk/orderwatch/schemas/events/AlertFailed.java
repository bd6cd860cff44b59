package uk.orderwatch.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code alert.failed}: the alert reached nobody who could act. With {@code reason} {@code channels-failed} every
 * outbound channel of the recipient failed (the alert stays in the inbox, failed channels are retried from the store,
 * and the alert escalates); with {@code policy-exhausted} every step of the agency's escalation policy was tried and
 * nobody acknowledged it ({@code channels}: those of the last recipient that failed, perhaps none), so its 24/7
 * fallback and its supervisors are told.
 */
public record AlertFailed(String alertId, String orderId, Recipient recipient, List<String> channels,
                          Instant failedAt, String reason) {

    public static final String CHANNELS_FAILED = "channels-failed";
    public static final String POLICY_EXHAUSTED = "policy-exhausted";
}
