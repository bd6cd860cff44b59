package uk.orderwatch.notification.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.orderwatch.notification.access.AccessSignals;
import uk.orderwatch.support.messaging.EventDecoder;

/**
 * Consumes the three services' access topics (one writer each), so an agency hears when one of its users is refused
 * again and again (bindings {@code registryAccess-in-0}, {@code complianceAccess-in-0}, {@code alertsAccess-in-0}).
 */
@Configuration
public class AccessEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> registryAccess(EventDecoder decoder, AccessSignals signals) {
        return decoder.consumer(signals::take);
    }

    @Bean
    Consumer<Message<byte[]>> complianceAccess(EventDecoder decoder, AccessSignals signals) {
        return decoder.consumer(signals::take);
    }

    @Bean
    Consumer<Message<byte[]>> alertsAccess(EventDecoder decoder, AccessSignals signals) {
        return decoder.consumer(signals::take);
    }
}
