package uk.orderwatch.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Assignment;
import uk.orderwatch.schemas.events.BreachReported;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.testsupport.ServiceIT;

/** The example breach of a fresh order whose officer in charge is one person of one agency, and nobody else. */
final class Breaches {

    private Breaches() {
    }

    static CloudEvent<BreachReported> of(String agencyId, String personId, Severity severity) {
        BreachReported example;
        try {
            example = (BreachReported) ServiceIT.CODEC.read(new String(EventCodec.class
                    .getResourceAsStream(EventType.BREACH_REPORTED.exampleResource()).readAllBytes())).data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String orderId = UUID.randomUUID().toString();
        var data = new BreachReported(UUID.randomUUID().toString(), orderId, 1, example.conditionId(),
                example.conditionCategory(), example.occurredAt(), example.reportedAt(), example.reportedBy(),
                severity, false, example.subject(), new AgencyAssignments(new Assignment(agencyId, personId), null,
                null));
        return CloudEvent.of(EventType.BREACH_REPORTED, UUID.randomUUID().toString(), "/orderwatch/breach-report",
                Instant.now(), orderId, data);
    }
}
