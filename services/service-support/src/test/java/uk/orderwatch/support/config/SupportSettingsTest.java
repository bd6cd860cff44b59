package uk.orderwatch.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The shared settings bind from orderwatch-defaults.yml, and an impossible value stops the start naming it. */
class SupportSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SupportSettings.class)
    static class Settings {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> ConfigDataEnvironmentPostProcessor.applyTo(context.getEnvironment()))
            .withPropertyValues("spring.config.import=classpath:orderwatch-defaults.yml",
                    "spring.application.name=a-service", "orderwatch.kafka.password=its-password")
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsFileGivesEverySetting() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            var settings = context.getBean(SupportSettings.class);
            assertThat(settings.consumer().transientRetryFor()).isEqualTo(Duration.ofMinutes(4));
            assertThat(settings.http().maxRequestBytes()).isEqualTo(65536);
            assertThat(settings.kafka().sendTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(settings.outbox().relayInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(settings.outbox().relayGrace()).isEqualTo(Duration.ofSeconds(6));
            assertThat(settings.rateLimit().writeBurst()).isEqualTo(30);
            assertThat(settings.rateLimit().writesPerSecond()).isEqualTo(5.0);
            assertThat(settings.indexRetryInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(settings.refusals().threshold()).isEqualTo(10);
            assertThat(settings.refusals().window()).isEqualTo(Duration.ofMinutes(10));
            assertThat(settings.kafka().username()).as("the service's own principal").isEqualTo("a-service");
            assertThat(settings.kafka().securityProtocol()).isEqualTo("SASL_PLAINTEXT");
            assertThat(settings.kafka().clientProperties().get("sasl.jaas.config").toString())
                    .contains("username=\"a-service\" password=\"its-password\"");
            assertThat(settings.kafka().toString()).doesNotContain("its-password");
            assertThat(settings.kafka().clientProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                    .doesNotContainKey("ssl.truststore.location");
            assertThat(settings.metrics().scrapeToken()).as("none: only an ADMIN reads the metrics").isNull();
        });
    }

    @Test
    void onStrimzisKafkaTheServiceSignsInWithScramSha512AndTrustsTheClustersCa() {
        runner.withPropertyValues("orderwatch.kafka.sasl-mechanism=SCRAM-SHA-512",
                "orderwatch.kafka.truststore=/etc/orderwatch/kafka-ca/ca.crt").run(context -> {
                    var kafka = context.getBean(SupportSettings.class).kafka();
                    assertThat(kafka.clientProperties()).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                            .containsEntry("ssl.truststore.type", "PEM")
                            .containsEntry("ssl.truststore.location", "/etc/orderwatch/kafka-ca/ca.crt");
                });
        runner.withPropertyValues("orderwatch.kafka.sasl-mechanism=PLAIN").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("KAFKA_SASL_MECHANISM"));
        runner.withPropertyValues("orderwatch.metrics.scrape-token=short").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("at least 32 characters"));
    }

    @Test
    void withoutItsKafkaPasswordOrSigningInAServiceDoesNotStart() {
        runner.withPropertyValues("orderwatch.kafka.password=").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("KAFKA_PASSWORD"));
        runner.withPropertyValues("orderwatch.kafka.security-protocol=PLAINTEXT").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("SASL_SSL or SASL_PLAINTEXT"));
    }

    @Test
    void aValueGivenAtStartOverridesTheDefault() {
        runner.withPropertyValues("orderwatch.outbox.relay-grace=2s").run(context ->
                assertThat(context.getBean(SupportSettings.class).outbox().relayGrace())
                        .isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void anImpossibleValueStopsTheStartAndNamesTheSetting() {
        runner.withPropertyValues("orderwatch.outbox.relay-grace=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("orderwatch.outbox.relay-grace must be longer than zero");
        });
    }
}
