package uk.orderwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.orderwatch.infra.MongoWireServer;
import uk.orderwatch.infra.Ports;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.support.mongo.MongoIndexes;
import uk.orderwatch.testsupport.SharedTestInfra;

/** order-registry started while MongoDB is unreachable: it runs, says so, and recovers when MongoDB comes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MongoOutageIT {

    static final int MONGO_PORT = Ports.free();
    static MongoWireServer mongo;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.serviceProperties(Topics.allTopics(), "outage").forEach(registry::add);
        registry.add("spring.mongodb.uri",
                () -> "mongodb://localhost:" + MONGO_PORT + "/outage?serverSelectionTimeoutMS=1000");
        registry.add("management.health.mongodb.enabled", () -> "true");
        registry.add("orderwatch.index-retry-interval", () -> "500ms");
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoIndexes indexes;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + uk.orderwatch.testsupport.TestTokens.police()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itStartsWithoutMongoReportsDownAnswers503AndRecoversWhenMongoComes() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
        var unavailable = get("/orders?subject=anyone");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("10");
        assertThat(unavailable.body()).contains("urn:orderwatch:problem:store-unavailable");
        assertThat(indexes.created()).isFalse();

        mongo = MongoWireServer.inMemory(MONGO_PORT);

        await().atMost(Duration.ofSeconds(30)).until(indexes::created);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/orders?subject=anyone").statusCode() == 200);
    }
}
