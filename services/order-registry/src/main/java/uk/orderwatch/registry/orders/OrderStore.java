package uk.orderwatch.registry.orders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/**
 * Where orders are kept: each change is stored with its event in one compare-and-set write on the order's version
 * (so two changes, or two instances' timers, never both apply to one version), then published.
 */
@Component
public class OrderStore {

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;

    public OrderStore(MongoTemplate mongo, OutboxWriter outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** A new order with its {@code order.registered} event; Spring's DuplicateKeyException if the id exists. */
    void insert(OrderDocument order) {
        outbox.insert(order, order.outbox());
    }

    /** Stores the change, or answers 409 when someone else changed the order since it was read. */
    OrderDocument save(OrderDocument order, long readVersion) {
        if (!compareAndSet(order, readVersion)
                && !find(order.id()).map(OrderDocument::changedByCurrentRequest).orElse(false)) {
            // (unless an earlier attempt of this very request made the change this one lost the race to)
            throw Problem.conflict("concurrent-change", "order " + order.id()
                    + " was changed by someone else at the same time; read it again and retry");
        }
        return order;
    }

    /**
     * Stores the change if nobody else changed the order since it was read, and publishes the event of that change.
     * Events of earlier changes still in the outbox are either in flight on the fast path or waiting for the relay,
     * which sends them; sending them here too would double them.
     */
    boolean compareAndSet(OrderDocument order, long readVersion) {
        var pending = order.outbox();
        return outbox.replace(order, readVersion, pending.subList(pending.size() - 1, pending.size()));
    }

    public Optional<OrderDocument> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, OrderDocument.class));
    }

    OrderDocument require(String orderId) {
        return find(orderId).orElseThrow(() -> Problem.notFound("Order", orderId));
    }

    /** The force's order for a court case: each force registers a case once. */
    Optional<OrderDocument> findByCourtCase(String policeAgencyId, String courtCode, String reference) {
        return Optional.ofNullable(mongo.findOne(query(where("agencies.police.agencyId").is(policeAgencyId)
                .and("court.code").is(courtCode).and("courtCaseReference").is(reference)), OrderDocument.class));
    }

    /** Active orders whose expiry timer has passed, up to 200 at a time. */
    List<OrderDocument> dueToExpire(Instant now) {
        return mongo.find(query(where("expiresAt").lte(now).and("status").in(OrderStatus.ACTIVE)).limit(200),
                OrderDocument.class);
    }

    /** Full orders whose interim order may not yet be marked superseded, up to 200 at a time. */
    List<OrderDocument> pendingSupersessions() {
        return mongo.find(query(where("pendingSupersession").ne(null)).limit(200), OrderDocument.class);
    }

    void supersessionDone(String fullOrderId) {
        mongo.updateFirst(query(where("_id").is(fullOrderId)), new Update().unset("pendingSupersession"),
                OrderDocument.class);
    }
}
