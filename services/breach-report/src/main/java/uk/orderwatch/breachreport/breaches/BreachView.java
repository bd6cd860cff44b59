package uk.orderwatch.breachreport.breaches;

import java.time.Instant;
import java.util.List;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;

/** A breach report as returned to the reporter. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record BreachView(String breachId, String orderId, String conditionId, ConditionCategory conditionCategory,
                         Instant occurredAt, Instant reportedAt, String description, String location,
                         Actor reportedBy, List<String> evidenceReferences, Severity severity,
                         boolean beforeService) {

    /** Probation, who work with the subject, are not shown where it happened: it may be where the victim lives. */
    public static BreachView of(BreachDocument b, Caller caller) {
        return new BreachView(b.breachId(), b.orderId(), b.conditionId(), b.conditionCategory(), b.occurredAt(),
                b.reportedAt(), b.description(), caller.is(Role.PROBATION) ? null : b.location(), b.reportedBy(),
                b.evidenceReferences(), b.severity(), b.beforeService());
    }
}
