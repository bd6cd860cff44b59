package uk.orderwatch.notification.messaging;

import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.orderwatch.notification.alerts.AlertQueries;
import uk.orderwatch.notification.alerts.AlertStream;
import uk.orderwatch.notification.alerts.AlertView;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AgencyRecorded;
import uk.orderwatch.schemas.events.AlertRaised;
import uk.orderwatch.support.messaging.EventDecoder;

/**
 * What this instance must hear of what the others did, each read in this instance's own consumer group
 * ({@code orderwatch.topics.instance-group}, new at each start, from the end of the topic; ADR 21):
 * <ul>
 *   <li>{@code liveAlerts-in-0}: an alert raised by any instance is shown on the live streams of its recipient open
 *   here; it is read from the store only when such a stream is waiting for it;</li>
 *   <li>{@code agencyChanges-in-0}: an agency recorded through any instance is read afresh for the next alert.</li>
 * </ul>
 * Missing one of these (this instance down or behind) loses nothing: the alert is stored and in the inbox, a portal
 * reconnecting with Last-Event-ID gets it; the agency is read again within {@code reads-kept-for}.
 */
@Configuration
public class InstanceEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> liveAlerts(EventDecoder decoder, AlertStream stream, AlertQueries alerts) {
        return decoder.consumer(Set.of(EventType.ALERT_RAISED), event -> {
            if (event.data() instanceof AlertRaised raised && raised.recipient().personId() != null
                    && stream.awaits(raised.recipient().agencyId(), raised.recipient().personId(),
                    raised.alertId())) {
                alerts.find(raised.alertId()).map(AlertView::of).ifPresent(stream::publish);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> agencyChanges(EventDecoder decoder, DirectoryService directory) {
        return decoder.consumer(Set.of(EventType.AGENCY_RECORDED), event -> {
            if (event.data() instanceof AgencyRecorded recorded) {
                directory.recordedElsewhere(recorded.agencyId());
            }
        });
    }
}
