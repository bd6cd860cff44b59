package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.orderwatch.localstack.LocalStack;
import uk.orderwatch.localstack.ServiceName;

/**
 * The failure orderwatch exists to prevent: a report accepted while Kafka is down must still become alerts once
 * Kafka is back, each exactly once. The services run as processes; the broker is stopped and restarted under them.
 */
class KafkaOutageE2EIT {

    @TempDir
    static Path dataDir;
    static LocalStack stack;
    static StackClient client;

    @BeforeAll
    static void start() {
        stack = new LocalStack(StackClient.baseConfig(dataDir)).start();
        client = new StackClient(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void reportsAcceptedWhileKafkaIsDownAreAlertedOnceAfterItReturns() throws Exception {
        String orderId = client.register(StackClient.order("1 Any Street", "07700900000"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.status(StackClient.OIC, ServiceName.BREACH_REPORT, "/orders/" + orderId + "/compliance") == 200);

        stack.kafka().stop();
        var breach = client.reportBreach(orderId);
        var missed = client.recordMissedSession(orderId);
        assertThat(breach.statusCode()).as(breach.body()).isEqualTo(201);
        assertThat(missed.statusCode()).as(missed.body()).isEqualTo(201);
        TimeUnit.SECONDS.sleep(8); // an outage longer than the producers' delivery timeout
        assertThat(client.alerts(orderId)).as("nothing can reach notification while the broker is down").isEmpty();
        stack.kafka().restart();

        // the breach and the miss: officer in charge, practitioner, caseworker each; together the enforcement
        // threshold: practitioner and officer in charge
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                client.alerts(orderId).size() >= 8);
        // and it stays at 8: a send repeated by the relay raises nothing twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() ->
                client.alerts(orderId).size() == 8);
        var alerts = client.alerts(orderId);
        List<String> keys = new ArrayList<>();
        alerts.forEach(a -> keys.add(a.get("sourceEventType").asString() + "/"
                + a.get("recipient").get("personId").asString()));
        assertThat(keys).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "breach.reported/demo-oic", "breach.reported/demo-practitioner", "breach.reported/demo-caseworker",
                "session.missed/demo-oic", "session.missed/demo-practitioner", "session.missed/demo-caseworker",
                "enforcement.review-required/demo-practitioner", "enforcement.review-required/demo-oic");
    }
}
