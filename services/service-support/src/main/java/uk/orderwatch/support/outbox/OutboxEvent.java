package uk.orderwatch.support.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose change caused it: the change and its event are
 * written by one single-document write, so neither exists without the other. Removed from the document once Kafka
 * has acknowledged it.
 *
 * @param eventId the CloudEvents id (not called {@code id}: the mapping layer would store that as {@code _id})
 * @param payload the CloudEvents JSON, already checked against its schema
 * @param traceparent the W3C trace context the event was made in, sent as its record's header; null when made
 *                    outside any trace (and in events stored before it was kept)
 */
public record OutboxEvent(String eventId, String type, String topic, String key, String payload, Instant createdAt,
                          String traceparent) {
}
