package uk.orderwatch.breachreport.enforcement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * An enforcement review a programme's failures called for: the failures it counted, when the practitioner's decision is
 * due, and the decision once recorded. Keyed {@code orderId:conditionId:n}, n counting the programme's reviews: two
 * checks at once insert the same id, so each review is raised once.
 */
@Document(EnforcementReview.COLLECTION)
public record EnforcementReview(@Id String reviewId, String orderId, String conditionId, Instant raisedAt, int count,
                                int threshold, Duration window, List<String> occurrences, Instant responseBy,
                                Decision decision, List<OutboxEvent> outbox) {

    public static final String COLLECTION = "enforcementReviews";

    /** What the practitioner decided, on which day, recorded by whom and when. */
    public record Decision(EnforcementDecision outcome, LocalDate decidedOn, Actor decidedBy, Instant recordedAt) {
    }
}
