package uk.orderwatch.compliance.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.orderwatch.compliance.orders.OrderReadModel;
import uk.orderwatch.schemas.events.OrderEvent;
import uk.orderwatch.support.messaging.EventDecoder;

/** Consumes order-registry's topic (every order life-cycle event) into the order read model (binding {@code orderEvents-in-0}). */
@Configuration
public class OrderEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventDecoder decoder, OrderReadModel orders) {
        return message -> {
            var event = decoder.decode(message);
            if (event.data() instanceof OrderEvent orderEvent) {
                orders.apply(orderEvent.order());
            } else {
                log.debug("Ignoring {} {}", event.type(), event.id());
            }
        };
    }
}
