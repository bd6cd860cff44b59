package uk.orderwatch.support.events;

import java.time.Clock;
import java.util.UUID;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.tracing.Traces;

/**
 * Makes the events a service publishes: a CloudEvents envelope with a new id, this service as source and the order
 * id as subject, serialised and checked against its schema, ready to be stored in an outbox with the trace context
 * it was made in.
 */
public class EventFactory {

    private final EventCodec codec;
    private final String service;
    private final String source;
    private final Clock clock;
    private final Traces traces;

    public EventFactory(EventCodec codec, String serviceName, Clock clock, Traces traces) {
        this.traces = traces;
        this.codec = codec;
        this.service = serviceName;
        this.source = "/orderwatch/" + serviceName;
        this.clock = clock;
    }

    public OutboxEvent create(EventType type, String orderId, Object data) {
        String id = UUID.randomUUID().toString();
        var now = clock.instant();
        String json = codec.write(CloudEvent.of(type, id, source, now, orderId, data));
        return new OutboxEvent(id, type.type(), type.topicFor(service), orderId, json, now, traces.current());
    }
}
