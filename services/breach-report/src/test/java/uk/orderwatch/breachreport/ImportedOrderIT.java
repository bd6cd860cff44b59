package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.orderwatch.breachreport.attendance.SessionStore;
import uk.orderwatch.breachreport.requirements.NotificationRequirementService;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.Programme;

/**
 * An order brought in by a bulk import: what was due before the import (past sessions, a historic service's
 * notification period) raises nothing; what comes after it is watched as for any order.
 */
class ImportedOrderIT extends ComplianceITBase {

    @Autowired
    SessionStore sessions;
    @Autowired
    NotificationRequirementService requirements;

    OrderSnapshot imported(String orderId, Instant servedAt, Instant firstSession, Instant importedAt)
            throws Exception {
        var o = order(orderId, 1);
        var conditions = o.conditions().stream().map(c -> c.programme() == null ? c : new Condition(c.conditionId(),
                c.category(), c.supervisingAgencyId(), new Programme(c.programme().name(), c.programme().provider(),
                12, new Programme.Schedule(firstSession, 7, 60)), null, null, c.responsiblePersonId())).toList();
        return new OrderSnapshot(orderId, 1, o.orderType(), OrderStatus.SERVED, o.court(), o.courtCaseReference(),
                o.madeOn(), servedAt, o.endsOn(), o.untilFurtherOrder(), o.subject(), o.protectedPersonIds(),
                conditions, o.agencies(), null, null, null, importedAt);
    }

    @Test
    void onlyTheSessionsFromTheImportOnArePlannedAndAHistoricServiceStartsNoClock() throws Exception {
        Instant now = clock.instant();
        String historic = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        // ten weekly sessions before the import, two after it
        publishOrder(imported(historic, now.minus(Duration.ofDays(80)), now.minus(Duration.ofDays(69)), now));
        publishOrder(imported(recent, now.minus(Duration.ofHours(2)), now.plus(Duration.ofDays(1)), now));

        await().atMost(Duration.ofSeconds(30)).until(() -> readModel.find(historic).isPresent()
                && requirements.find(recent).isPresent());
        assertThat(sessions.ofOrder(historic)).hasSize(2)
                .allSatisfy(s -> assertThat(s.start()).isAfter(now));
        assertThat(requirements.find(historic)).as("its period ran out long before the import").isEmpty();
        assertThat(sessions.ofOrder(recent)).hasSize(12);
    }
}
