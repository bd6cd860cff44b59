package uk.orderwatch.compliance.breaches;

import java.time.Instant;
import java.util.List;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.Severity;

/** A breach report as returned to the reporter. */
public record BreachView(String breachId, String orderId, String conditionId, ConditionCategory conditionCategory,
                         Instant occurredAt, Instant reportedAt, String description, String location,
                         Actor reportedBy, List<String> evidenceReferences, Severity severity,
                         boolean beforeService) {

    public static BreachView of(BreachDocument b) {
        return new BreachView(b.breachId(), b.orderId(), b.conditionId(), b.conditionCategory(), b.occurredAt(),
                b.reportedAt(), b.description(), b.location(), b.reportedBy(), b.evidenceReferences(), b.severity(),
                b.beforeService());
    }
}
