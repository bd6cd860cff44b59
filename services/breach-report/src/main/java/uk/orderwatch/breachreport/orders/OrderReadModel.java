package uk.orderwatch.breachreport.orders;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.support.readmodel.VersionedUpsert;
import uk.orderwatch.support.web.Problem;

/**
 * The orders breach-report knows, kept from order events. Applying a snapshot is idempotent and order-insensitive:
 * a snapshot replaces the stored one only when its version is higher, in one conditional write.
 */
@Component
public class OrderReadModel {

    private static final Logger log = LoggerFactory.getLogger(OrderReadModel.class);

    private static final String READ_IN_THIS_REQUEST = OrderReadModel.class.getName() + ".order.";

    private final MongoTemplate mongo;

    public OrderReadModel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the order an event carries unless a version as high or higher is already stored; true when it was
     * stored. {@code endedOn} is the order's last day when the event ended it, else null.
     */
    public boolean apply(OrderSnapshot snapshot, LocalDate endedOn) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("order", mongo.getConverter().convertToMongoType(snapshot));
        if (endedOn != null) {
            fields.put("endedOn", mongo.getConverter().convertToMongoType(endedOn));
        }
        boolean stored = VersionedUpsert.apply(mongo, KnownOrder.COLLECTION, snapshot.orderId(), snapshot.version(),
                fields);
        if (!stored) {
            log.debug("Ignored order {} version {}: already have it or a newer one", snapshot.orderId(),
                    snapshot.version());
        }
        return stored;
    }

    /**
     * The order as known here. Within one HTTP request it is read once (ADR 20): the case guard and the service
     * behind it see the same version, and a report costs one read of it rather than two or three. Only the order
     * events change the read model, never a request.
     */
    public Optional<KnownOrder> find(String orderId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Optional.ofNullable(mongo.findById(orderId, KnownOrder.class));
        }
        String key = READ_IN_THIS_REQUEST + orderId;
        if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof KnownOrder known) {
            return Optional.of(known);
        }
        var known = mongo.findById(orderId, KnownOrder.class);
        if (known != null) {
            request.setAttribute(key, known, RequestAttributes.SCOPE_REQUEST);
        }
        return Optional.ofNullable(known);
    }

    /**
     * The 404 for an order not known here and for one the caller may not see, answered at once and alike, so that
     * neither its words nor its time tells them apart (ADR 12). An order registered a moment ago reaches this
     * service within a second: the answer says to try again then, and clients do.
     */
    public static Problem notKnown(String orderId) {
        return new Problem(HttpStatus.NOT_FOUND, "order-not-known", "Order not found",
                "No order with id " + orderId + " is known. If it was registered a moment ago, try again.",
                List.of()).retryAfter(Duration.ofSeconds(1));
    }

    /** The order, or the 404 problem when it is not known here. */
    public KnownOrder require(String orderId) {
        return find(orderId).orElseThrow(() -> notKnown(orderId));
    }
}
