package uk.orderwatch.breachreport.breaches;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.BreachOutcomeStep;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.schemas.events.NoFurtherActionReason;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * A reported breach with its events until they are published, and the steps the police recorded after it. Breaches
 * are not counted towards probation's enforcement reviews; {@code followUps} holds the enforcement checks of breaches
 * stored when they were.
 */
@Document(BreachDocument.COLLECTION)
public record BreachDocument(
        @Id String breachId,
        String orderId,
        long orderVersion,
        String conditionId,
        ConditionCategory conditionCategory,
        Instant occurredAt,
        Instant reportedAt,
        String description,
        String location,
        Actor reportedBy,
        List<String> evidenceReferences,
        Severity severity,
        boolean beforeService,
        List<OutboxEvent> outbox,
        List<FollowUp> followUps,
        List<Outcome> outcomes) {

    public static final String COLLECTION = "breaches";

    /**
     * One step the police recorded after the report.
     *
     * @param requestId the Idempotency-Key request that recorded it: a retry whose answer was lost finds it
     */
    public record Outcome(BreachOutcomeStep step, Instant at, boolean reasonableExcuseRaised,
                          NoFurtherActionReason noFurtherActionReason, Actor recordedBy, Instant recordedAt,
                          String requestId) {
    }

    /** The steps so far, oldest first (none for a breach stored before steps were recorded). */
    public List<Outcome> outcomesSoFar() {
        return outcomes == null ? List.of() : outcomes;
    }
}
