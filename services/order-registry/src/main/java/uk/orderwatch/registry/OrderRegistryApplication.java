package uk.orderwatch.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import uk.orderwatch.registry.orders.OrderDocument;
import uk.orderwatch.support.mongo.MongoIndex;
import uk.orderwatch.support.outbox.OutboxCollection;

/** order-registry: police register granted orders and keep them true through their life. */
@SpringBootApplication
@EnableConfigurationProperties(OrderRegistrySettings.class)
public class OrderRegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderRegistryApplication.class, args);
    }

    @Bean
    MongoIndex oneOrderPerCourtCase() {
        // per force: a court case another force registered must not answer "already registered" (that tells the
        // caller the other force has the case)
        return new MongoIndex(OrderDocument.class, new Index().on("agencies.police.agencyId", Sort.Direction.ASC)
                .on("court.code", Sort.Direction.ASC).on("courtCaseReference", Sort.Direction.ASC).unique()
                .named("one_order_per_court_case_per_force"), "one_order_per_court_case");
    }

    @Bean
    MongoIndex expiryTimer() {
        return new MongoIndex(OrderDocument.class, new Index().on("expiresAt", Sort.Direction.ASC)
                .named("expiry_timer"));
    }

    @Bean
    OutboxCollection ordersOutbox() {
        return new OutboxCollection(OrderDocument.COLLECTION);
    }

    @Bean
    OutboxCollection importsOutbox() {
        return new OutboxCollection(uk.orderwatch.registry.orders.ImportDocument.COLLECTION);
    }
}
