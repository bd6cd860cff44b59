package uk.orderwatch.notification.orders;

import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.orderwatch.schemas.events.OrderSnapshot;
import uk.orderwatch.support.readmodel.VersionedUpsert;

/** The orders notification knows: their status and who manages them, kept from order events. */
@Component
public class OrderReadModel {

    private final MongoTemplate mongo;

    public OrderReadModel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean apply(OrderSnapshot snapshot) {
        return VersionedUpsert.apply(mongo, KnownOrder.COLLECTION, snapshot.orderId(), snapshot.version(),
                Map.of("order", mongo.getConverter().convertToMongoType(snapshot)));
    }

    public Optional<KnownOrder> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, KnownOrder.class));
    }
}
