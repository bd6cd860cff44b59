package uk.orderwatch.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the demo profile nothing defaults to the demo identity server: a service whose issuer is not set refuses
 * to start, naming the setting, rather than trusting tokens from http://localhost:9000; and one without its Kafka
 * password refuses to start rather than reach the broker unsigned.
 */
class StartWithoutItsSettingsTest {

    @Test
    void aServiceWithoutAnExplicitIssuerRefusesToStart() {
        assumeTrue(System.getenv("ORDERWATCH_ISSUER") == null, "the environment names an issuer");
        // nothing listens on port 1: the start must fail on the setting, before anything is reached
        var app = new SpringApplicationBuilder(OrderRegistryApplication.class);

        assertThatThrownBy(() -> app.run("--server.port=0",
                "--spring.mongodb.uri=mongodb://localhost:1/orderwatch-order-registry",
                "--spring.cloud.stream.kafka.binder.brokers=localhost:1", "--orderwatch.kafka.password=p").close())
                .rootCause().hasMessageContaining("ORDERWATCH_ISSUER").hasMessageContaining("must be set");
    }

    @Test
    void aServiceWithoutItsKafkaPasswordRefusesToStart() {
        assumeTrue(System.getenv("KAFKA_PASSWORD") == null, "the environment gives a Kafka password");
        var app = new SpringApplicationBuilder(OrderRegistryApplication.class);

        assertThatThrownBy(() -> app.run("--server.port=0",
                "--spring.mongodb.uri=mongodb://localhost:1/orderwatch-order-registry",
                "--spring.cloud.stream.kafka.binder.brokers=localhost:1",
                "--orderwatch.security.issuer=https://identity.example").close())
                .rootCause().hasMessageContaining("KAFKA_PASSWORD").hasMessageContaining("must be set");
    }
}
