package uk.orderwatch.notification.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.orderwatch.notification.alerts.AlertRaiser;
import uk.orderwatch.support.messaging.EventDecoder;

/** Consumes breach-report's topic and raises the alerts each event calls for (binding {@code complianceEvents-in-0}). */
@Configuration
public class ComplianceEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> complianceEvents(EventDecoder decoder, AlertRaiser alerts) {
        return decoder.consumer(alerts::raiseFor);
    }
}
