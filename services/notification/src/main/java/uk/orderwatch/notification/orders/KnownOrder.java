package uk.orderwatch.notification.orders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.OrderSnapshot;

/** notification's copy of an order, built from order-registry's events; the highest version wins. */
@Document(KnownOrder.COLLECTION)
public record KnownOrder(@Id String orderId, long version, OrderSnapshot order) {

    public static final String COLLECTION = "orders";
}
