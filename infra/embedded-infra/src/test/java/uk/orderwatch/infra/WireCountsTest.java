package uk.orderwatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The wire server counts what a client asked of it, by database, command and collection. */
class WireCountsTest {

    @Test
    void eachCommandIsCountedWithTheDocumentsAndBytesItWroteAndTheHandshakeIsNot() {
        try (var server = MongoWireServer.inMemory();
             var client = MongoClients.create(server.uri("counted"))) {
            var alerts = client.getDatabase("counted").getCollection("alerts");
            alerts.insertMany(List.of(new Document("_id", "a1").append("title", "Breach"),
                    new Document("_id", "a2").append("title", "Missed session")));
            alerts.insertOne(new Document("_id", "a3"));
            alerts.updateOne(Filters.eq("_id", "a1"), Updates.set("readAt", "now"));
            alerts.find(Filters.eq("_id", "a2")).first();

            var counts = server.counts().snapshot();
            var insert = counts.get(new WireCounts.Key("counted", "insert", "alerts"));
            assertThat(insert.commands()).isEqualTo(2);
            assertThat(insert.bulk()).as("one insert carried two documents").isEqualTo(1);
            assertThat(insert.documents()).isEqualTo(3);
            assertThat(insert.bytes()).isGreaterThan(40);
            assertThat(counts.get(new WireCounts.Key("counted", "update", "alerts")).documents()).isEqualTo(1);
            assertThat(counts.get(new WireCounts.Key("counted", "find", "alerts")).commands()).isEqualTo(1);
            assertThat(counts.keySet()).extracting(WireCounts.Key::command).doesNotContain("hello", "isMaster",
                    "ismaster");
        }
    }
}
