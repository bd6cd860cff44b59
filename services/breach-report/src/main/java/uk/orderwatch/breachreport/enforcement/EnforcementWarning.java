package uk.orderwatch.breachreport.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;

/** A warning the practitioner gave the person on probation for one failure: recorded, never overwritten. */
@Document(EnforcementWarning.COLLECTION)
public record EnforcementWarning(@Id String warningId, String orderId, String sessionId, LocalDate issuedOn,
                                 Actor recordedBy, Instant recordedAt) {

    public static final String COLLECTION = "enforcementWarnings";
}
