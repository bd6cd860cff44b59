package uk.orderwatch.registry.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.AgencyAssignments;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.schemas.events.OrderType;
import uk.orderwatch.schemas.events.SubjectSummary;
import uk.orderwatch.support.outbox.OutboxEvent;

/**
 * An order as order-registry stores it: the whole order including the protected persons' details (which only this
 * service holds), its history of changes with actor and time, and the events of its last change not yet published.
 */
@Document(OrderDocument.COLLECTION)
public record OrderDocument(
        @Id String id,
        long version,
        OrderType orderType,
        OrderStatus status,
        Court court,
        String courtCaseReference,
        LocalDate madeOn,
        Instant servedAt,
        LocalDate endsOn,
        boolean untilFurtherOrder,
        Subject subject,
        List<ProtectedPerson> protectedPersons,
        List<Condition> conditions,
        AgencyAssignments agencies,
        List<HistoryEntry> history,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "orders";

    /** The person the order is against. Address and date of birth stay in this service. */
    public record Subject(String name, List<String> aliases, LocalDate dateOfBirth, String homeAddress, String pncId,
                          String crn) {
    }

    /** A person the order protects, known elsewhere only by {@code protectedPersonId}. */
    public record ProtectedPerson(String protectedPersonId, String name, String address, String phone, String email,
                                  String safeContactPreferences) {
    }

    /** One change: what was done, by whom, when, and the version it produced. */
    public record HistoryEntry(long version, String action, Actor by, Instant at) {
    }

    /** What other services may know of this order. */
    public OrderSnapshot snapshot() {
        return new OrderSnapshot(id, version, orderType, status, court, courtCaseReference, madeOn, servedAt, endsOn,
                untilFurtherOrder, new SubjectSummary(subject.name(), subject.pncId(), subject.crn()),
                protectedPersons.stream().map(ProtectedPerson::protectedPersonId).toList(), conditions, agencies);
    }
}
