package uk.orderwatch.notification.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.orderwatch.notification.alerts.AlertRaiser;
import uk.orderwatch.notification.orders.OrderReadModel;
import uk.orderwatch.schemas.events.OrderEvent;
import uk.orderwatch.schemas.events.OrdersImported;
import uk.orderwatch.support.messaging.EventDecoder;

/**
 * Consumes order-registry's topic into notification's order read model, and raises the alerts order changes call for
 * (binding {@code orderEvents-in-0}).
 */
@Configuration
public class OrderEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventDecoder decoder, OrderReadModel orders, AlertRaiser alerts) {
        return decoder.consumer(event -> {
            if (event.data() instanceof OrderEvent orderEvent) {
                orders.apply(orderEvent.order());
                alerts.raiseFor(event);
            } else if (event.data() instanceof OrdersImported) {
                alerts.raiseFor(event); // one summary per person instead of an alert per imported order
            }
        });
    }
}
