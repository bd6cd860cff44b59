package uk.orderwatch.breachreport.enforcement;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.support.outbox.OutboxEvent;

/** The enforcement review an order's non-compliance called for: one per order, keyed by the order id. */
@Document(EnforcementReview.COLLECTION)
public record EnforcementReview(@Id String orderId, Instant raisedAt, int count, int threshold,
                                List<String> occurrences, List<OutboxEvent> outbox) {

    public static final String COLLECTION = "enforcementReviews";
}
