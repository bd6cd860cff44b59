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
                         boolean beforeService, List<BreachDocument.Outcome> outcomes) {

    /**
     * What happened, where, and the evidence references are typed by the reporter and may say where the victim lives
     * or who she is: the police and the advocate read them; probation, who work with the subject, only of a breach
     * their own agency reported (they wrote it). Everyone on the case reads which condition, when and how serious,
     * and what the police did next (steps and reasons from closed lists).
     */
    public static BreachView of(BreachDocument b, Caller caller) {
        boolean text = !caller.is(Role.PROBATION) || caller.agencyId().equals(b.reportedBy().agencyId());
        return new BreachView(b.breachId(), b.orderId(), b.conditionId(), b.conditionCategory(), b.occurredAt(),
                b.reportedAt(), text ? b.description() : null, text ? b.location() : null, b.reportedBy(),
                text ? b.evidenceReferences() : null, b.severity(), b.beforeService(), b.outcomesSoFar());
    }
}
