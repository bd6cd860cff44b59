package uk.orderwatch.registry.messaging;

import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.orderwatch.registry.directory.AgencyDirectory;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AgencyRecorded;
import uk.orderwatch.support.messaging.EventDecoder;

/** Consumes notification's directory topic, {@code agency.recorded} (binding {@code directoryEvents-in-0}). */
@Configuration
public class DirectoryEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> directoryEvents(EventDecoder decoder, AgencyDirectory directory) {
        return decoder.consumer(Set.of(EventType.AGENCY_RECORDED), event -> {
            if (event.data() instanceof AgencyRecorded agency) {
                directory.apply(agency);
            }
        });
    }
}
