package uk.orderwatch.breachreport.orders;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.schemas.events.OrderSnapshot;

/**
 * breach-report's copy of an order, built from order-registry's events; the highest version wins.
 *
 * @param endedOn the last day the order was in force, once it was discharged, expired or superseded
 */
@Document(KnownOrder.COLLECTION)
public record KnownOrder(@Id String orderId, long version, OrderSnapshot order, LocalDate endedOn) {

    public static final String COLLECTION = "orders";
}
