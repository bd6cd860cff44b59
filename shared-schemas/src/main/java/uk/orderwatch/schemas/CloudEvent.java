package uk.orderwatch.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 structured-mode event: the one envelope of every Kafka record value in orderwatch.
 *
 * @param id      UUID, unique per event: the key consumers deduplicate on
 * @param source  the producing service, e.g. {@code /orderwatch/order-registry}
 * @param type    {@code <entity>.<verb in the past tense or a past participle>} (e.g. {@code order.served},
 *                {@code enforcement.review-required}), see {@link EventType}
 * @param subject the id of what the event is about, also the Kafka record key: the order id, or for
 *                {@code agency.recorded} the agency id
 * @param data    the typed payload of {@code type}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        String dataschema,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** Content type of a structured-mode record (CloudEvents Kafka protocol binding). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** Kafka record headers every record carries besides its value: the event id, its type, the content type. */
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    /**
     * The W3C trace context of the request that caused the event (absent on records written before it was kept): a
     * consumer's work on the event continues that trace (ADR 23). The same name as the HTTP header.
     */
    public static final String HEADER_TRACEPARENT = "traceparent";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    /** A new event of {@code type} about order {@code orderId}. */
    public static <T> CloudEvent<T> of(EventType type, String eventId, String source, Instant time, String orderId,
                                       T data) {
        if (!type.dataClass().isInstance(data)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.dataClass().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
        return new CloudEvent<>(SPEC_VERSION, eventId, source, type.type(), time, orderId, DATA_CONTENT_TYPE,
                type.dataschema(), data);
    }
}
