package uk.orderwatch.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import uk.orderwatch.registry.orders.OrderDocument;
import uk.orderwatch.support.outbox.OutboxCollection;

/** order-registry: police register granted orders and keep them true through their life. */
@SpringBootApplication
public class OrderRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderRegistryApplication.class, args);
    }

    @Bean
    OutboxCollection ordersOutbox() {
        return new OutboxCollection(OrderDocument.COLLECTION);
    }
}
