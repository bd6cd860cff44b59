package uk.orderwatch.support.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.InvalidEventException;

/**
 * Turns a consumed Kafka record into a checked event. Consumers take the raw bytes (no framework conversion) so an
 * invalid record fails here with an {@link InvalidEventException}, which the binder dead-letters without retrying.
 */
public class EventDecoder {

    private final EventCodec codec;

    public EventDecoder(EventCodec codec) {
        this.codec = codec;
    }

    public CloudEvent<?> decode(Message<byte[]> message) {
        byte[] payload = message.getPayload();
        if (payload == null || payload.length == 0) {
            throw new InvalidEventException("empty record");
        }
        return codec.read(new String(payload, StandardCharsets.UTF_8));
    }
}
