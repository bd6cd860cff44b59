package uk.orderwatch.breachreport.attendance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * One programme session of an order: when it is (and every reschedule), the outcomes recorded for it, each with who
 * recorded it and when (a correction is a new entry with its reason, never an overwrite), its unrecorded-session
 * timer, its events until they are published, and the check of its order's enforcement review a miss calls for
 * until that is done. {@code version} guards every change (compare-and-set).
 *
 * @param sequence        the session's place in the requirement's schedule; null for a session added by hand
 * @param practitionerId  the probation practitioner of the order when the session was planned
 * @param currentOutcome  the classification of the latest outcome entry, null while none is recorded
 * @param unrecordedDueAt when the session counts as unrecorded if no outcome is recorded; null once it cannot be
 */
@Document(SessionDocument.COLLECTION)
public record SessionDocument(
        @Id String sessionId,
        long version,
        String orderId,
        String conditionId,
        Integer sequence,
        Instant start,
        int durationMinutes,
        SessionStatus status,
        String practitionerId,
        SessionResult currentOutcome,
        Instant unrecordedDueAt,
        List<Reschedule> reschedules,
        List<OutcomeEntry> outcomes,
        List<OutboxEvent> outbox,
        List<FollowUp> followUps) {

    public static final String COLLECTION = "sessions";

    public Instant end() {
        return start.plusSeconds(durationMinutes * 60L);
    }

    /** @param requestId the Idempotency-Key request that made it (ADR 11), never shown */
    public record Reschedule(Instant from, Instant to, String reason, Actor by, Instant at,
                             @JsonIgnore String requestId) {
    }

    /**
     * One recorded outcome, in the vocabulary of HMPPS "Refer and monitor an intervention".
     *
     * @param requestId the Idempotency-Key request that recorded it (ADR 11), never shown
     */
    public record OutcomeEntry(boolean sessionHappened, Attendance attended, String lateReason,
                               NoSessionReason noSessionReason, SessionResult outcome, Concern concern,
                               String correctionReason, Instant recordedAt, Actor recordedBy,
                               @JsonIgnore String requestId) {
    }

    /** Whether the request being handled already changed this session: a retry whose first answer was lost. */
    public boolean changedByCurrentRequest() {
        return outcomes.stream().anyMatch(o -> IdempotentRequest.isCurrent(o.requestId()))
                || reschedules.stream().anyMatch(r -> IdempotentRequest.isCurrent(r.requestId()));
    }

    /** A behaviour concern: what happened (stays here), whether to tell the practitioner, and whether it is a risk. */
    public record Concern(String description, boolean tellPractitioner, boolean risk) {
    }
}
