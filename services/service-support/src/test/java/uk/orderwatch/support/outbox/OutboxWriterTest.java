package uk.orderwatch.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.orderwatch.infra.MongoWireServer;
import uk.orderwatch.infra.WireCounts;
import uk.orderwatch.support.messaging.KafkaEventSender;

class OutboxWriterTest {

    @Document("notes")
    record Note(@Id String id, String text, List<OutboxEvent> outbox) {
    }

    private MongoWireServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private OutboxWriter writer;

    @BeforeEach
    void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.uri("writer"));
        mongo = new MongoTemplate(client, "writer");
        var sender = mock(KafkaEventSender.class);
        when(sender.sendAsync(any())).thenAnswer(call -> {
            sent.add(call.<OutboxEvent>getArgument(0).eventId());
            return CompletableFuture.completedFuture(null);
        });
        writer = new OutboxWriter(mongo, new OutboxPublisher(sender, mongo, Runnable::run,
                new PendingWork(Duration.ofSeconds(30), Duration.ofSeconds(60))));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void documentsAreInsertedInOneWriteAndOneThatExistsIsLeftAsItIsWithoutItsEventsSent() {
        mongo.insert(new Note("b", "already there", List.of()));
        long insertsBefore = inserts().commands();
        var notes = List.of(note("a"), note("b"), note("c"));

        var inserted = writer.insertAll(notes, Note::outbox);

        assertThat(inserted).extracting(Note::id).containsExactly("a", "c");
        assertThat(inserts().commands() - insertsBefore).as("one round trip").isEqualTo(1);
        assertThat(mongo.findById("b", Note.class).text()).isEqualTo("already there");
        assertThat(sent).containsExactlyInAnyOrder("a-event", "c-event");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mongo.findAll(Note.class))
                .allSatisfy(n -> assertThat(n.outbox()).isEmpty()));
    }

    @Test
    void theSameDocumentsAgainInsertNothingAndSendNothing() {
        writer.insertAll(List.of(note("a"), note("b")), Note::outbox);
        sent.clear();

        assertThat(writer.insertAll(List.of(note("a"), note("b")), Note::outbox)).isEmpty();
        assertThat(sent).isEmpty();
        assertThat(mongo.findAll(Note.class)).hasSize(2);
    }

    private static Note note(String id) {
        return new Note(id, "note " + id, List.of(new OutboxEvent(id + "-event", "note.written", "notes", id, "{}",
                Instant.now(), null)));
    }

    private WireCounts.Tally inserts() {
        return server.counts().snapshot().getOrDefault(new WireCounts.Key("writer", "insert", "notes"),
                new WireCounts.Tally(0, 0, 0, 0));
    }
}
