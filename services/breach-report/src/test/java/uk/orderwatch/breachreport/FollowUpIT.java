package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.breachreport.breaches.BreachSeverity;
import uk.orderwatch.breachreport.orders.NonCompliance;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.ConditionCategory;
import uk.orderwatch.support.followup.FollowUp;

/**
 * A consequence of a write survives a crash after the write (ADR 11): a breach whose process died before its
 * enforcement check is found by the sweep, which raises the review once.
 */
class FollowUpIT extends ComplianceITBase {

    @Test
    void aBreachStoredByAProcessThatDiedBeforeItsCheckStillRaisesTheReviewOnce() throws Exception {
        String orderId = knownOrder();
        assertThat(post("/orders/" + orderId + "/breaches", breach()).statusCode()).isEqualTo(201);
        // the second breach as a process leaves it that was killed right after storing it: its event published
        // (the relay's part, tested on its own), its enforcement check still pending
        var now = clock.instant();
        String breachId = UUID.randomUUID().toString();
        mongo.insert(new BreachDocument(breachId, orderId, 1, "c1", ConditionCategory.NO_CONTACT,
                now.minusSeconds(600), now.minusSeconds(30), "SENTINEL-DESCRIPTION", null,
                new Actor("demo-caseworker", "demo-advocacy"), List.of(), BreachSeverity.of(
                ConditionCategory.NO_CONTACT), false, List.of(),
                List.of(new FollowUp(NonCompliance.BREACH_CHECK, now.minusSeconds(30))), List.of()));

        var records = complianceEvents(orderId, 2, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> r.headers().get("ce_type"))
                .containsExactly("breach.reported", "enforcement.review-required");
        await("the follow-up is marked done").atMost(Duration.ofSeconds(10))
                .until(() -> mongo.findById(breachId, BreachDocument.class).followUps().isEmpty());
        assertThat(complianceEvents(orderId, 3, Duration.ofSeconds(3))).as("raised once").hasSize(2);
    }
}
