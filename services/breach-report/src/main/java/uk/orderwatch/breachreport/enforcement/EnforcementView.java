package uk.orderwatch.breachreport.enforcement;

import java.time.Instant;
import java.util.List;
import uk.orderwatch.schemas.events.OrderSnapshot;

/**
 * An order's enforcement as probation works it: each programme's rule, the reviews its failures called for (with
 * their decisions) and the warnings given.
 */
public record EnforcementView(List<ProgrammeRule> rules, List<Review> reviews, List<EnforcementWarning> warnings) {

    /** The threshold and rolling window a programme requirement is held to. */
    public record ProgrammeRule(String conditionId, String programme, int threshold, long windowDays) {
    }

    /** A review without its unpublished events. */
    public record Review(String reviewId, String conditionId, Instant raisedAt, int count, int threshold,
                         long windowDays, List<String> occurrences, Instant responseBy,
                         EnforcementReview.Decision decision) {
    }

    public static EnforcementView of(OrderSnapshot order, NonComplianceService service) {
        var rules = order.conditions().stream().filter(c -> c.programme() != null).map(c -> {
            var rule = service.rule(c.programme().name());
            return new ProgrammeRule(c.conditionId(), c.programme().name(), rule.threshold(),
                    rule.window().toDays());
        }).toList();
        var reviews = service.reviews(order.orderId()).stream().map(r -> new Review(r.reviewId(), r.conditionId(),
                r.raisedAt(), r.count(), r.threshold(), r.window().toDays(), r.occurrences(), r.responseBy(),
                r.decision())).toList();
        return new EnforcementView(rules, reviews, service.warnings(order.orderId()));
    }
}
