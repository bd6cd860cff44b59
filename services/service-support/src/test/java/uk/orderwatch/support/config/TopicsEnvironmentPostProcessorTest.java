package uk.orderwatch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The topic names, this instance's own consumer group, and the binder's trust of the brokers' CA as properties. */
class TopicsEnvironmentPostProcessorTest {

    static MockEnvironment processed(MockEnvironment environment) {
        new TopicsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void theTopicsAndANewGroupOfThisInstanceAtEachStart() {
        var first = processed(new MockEnvironment().withProperty("spring.application.name", "notification"));
        var second = processed(new MockEnvironment().withProperty("spring.application.name", "notification"));

        assertThat(first.getProperty("orderwatch.topics.alerts")).isEqualTo("orderwatch.alerts");
        assertThat(first.getProperty("orderwatch.topics.dlq.compliance.notification"))
                .isEqualTo("orderwatch.compliance.notification.dlq");
        assertThat(first.getProperty("orderwatch.topics.instance-group")).startsWith("notification.instance.")
                .isNotEqualTo(second.getProperty("orderwatch.topics.instance-group"));
        assertThat(first.getProperty("spring.cloud.stream.kafka.binder.configuration.ssl.truststore.location"))
                .as("no CA given: the JVM's trust").isNull();
    }

    @Test
    void theBindersClientsTrustTheBrokersCaWhenOneIsGiven() {
        var environment = processed(new MockEnvironment().withProperty("spring.application.name", "notification")
                .withProperty("orderwatch.kafka.truststore", "/etc/orderwatch/kafka-ca/ca.crt"));

        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.ssl.truststore.type"))
                .isEqualTo("PEM");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.ssl.truststore.location"))
                .isEqualTo("/etc/orderwatch/kafka-ca/ca.crt");
    }
}
