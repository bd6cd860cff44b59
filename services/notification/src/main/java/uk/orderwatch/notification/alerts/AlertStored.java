package uk.orderwatch.notification.alerts;

/**
 * In-process: a new alert was stored, claimed for delivery by this instance ({@code deliveryClaimedUntil}), so its
 * channels can be tried at once rather than at the next timer run. The delivery worker listens; nothing is lost if it
 * does not, because the alert is due for delivery in its document and the claim runs out.
 */
public record AlertStored(AlertDocument alert) {
}
