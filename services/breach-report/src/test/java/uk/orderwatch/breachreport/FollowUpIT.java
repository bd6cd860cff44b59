package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.orderwatch.breachreport.attendance.Attendance;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.attendance.SessionResult;
import uk.orderwatch.breachreport.attendance.SessionStatus;
import uk.orderwatch.breachreport.orders.NonCompliance;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.followup.FollowUp;

/**
 * A consequence of a write survives a crash after the write (ADR 11): a missed session whose process died before its
 * enforcement check is found by the sweep, which raises the review once.
 */
class FollowUpIT extends ComplianceITBase {

    @Test
    void aMissStoredByAProcessThatDiedBeforeItsCheckStillRaisesTheReviewOnce() throws Exception {
        String orderId = knownOrder();
        var now = clock.instant();
        var first = post("/orders/" + orderId + "/attendance", attendance("NO")
                .put("sessionStart", now.minusSeconds(86_400).toString()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        // the second miss as a process leaves it that was killed right after storing it: its event published
        // (the relay's part, tested on its own), its enforcement check still pending
        String sessionId = UUID.randomUUID().toString();
        var by = new Actor("demo-practitioner", "demo-probation");
        mongo.insert(new SessionDocument(sessionId, 1, orderId, "c2", null, now.minusSeconds(7200), 60,
                SessionStatus.RECORDED, "demo-practitioner", SessionResult.MISSED, null, List.of(),
                List.of(new SessionDocument.OutcomeEntry(true, Attendance.NO, null, null, SessionResult.MISSED, null,
                        null, now.minusSeconds(30), by, null)), List.of(),
                List.of(new FollowUp(NonCompliance.SESSION_CHECK, now.minusSeconds(30)))));

        var records = complianceEvents(orderId, 2, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> r.headers().get("ce_type"))
                .containsExactly("session.missed", "enforcement.review-required");
        await("the follow-up is marked done").atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(sessionId, SessionDocument.class).followUps().isEmpty());
        assertThat(complianceEvents(orderId, 3, Duration.ofSeconds(3))).as("raised once").hasSize(2);
    }
}
