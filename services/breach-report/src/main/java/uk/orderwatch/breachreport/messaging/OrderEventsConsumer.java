package uk.orderwatch.breachreport.messaging;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.orderwatch.breachreport.lifecycle.OrderLifecycle;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderDischarged;
import uk.orderwatch.schemas.events.OrderEvent;
import uk.orderwatch.schemas.events.OrderExpired;
import uk.orderwatch.schemas.events.OrderSuperseded;
import uk.orderwatch.support.messaging.EventDecoder;

/** Consumes order-registry's topic: every order life-cycle event (binding {@code orderEvents-in-0}). */
@Configuration
public class OrderEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> orderEvents(EventDecoder decoder, OrderLifecycle lifecycle) {
        return decoder.consumer(event -> {
            if (event.data() instanceof OrderEvent orderEvent) {
                LocalDate endedOn = null;
                if (orderEvent instanceof OrderDischarged discharged) {
                    endedOn = discharged.dischargedOn();
                } else if (orderEvent instanceof OrderExpired expired) {
                    endedOn = expired.endedOn();
                } else if (orderEvent instanceof OrderSuperseded) {
                    endedOn = LocalDate.ofInstant(event.time(), Court.ZONE);
                }
                lifecycle.apply(orderEvent.order(), endedOn);
            }
        });
    }
}
