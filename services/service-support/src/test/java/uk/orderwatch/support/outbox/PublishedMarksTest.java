package uk.orderwatch.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.orderwatch.infra.MongoWireServer;

class PublishedMarksTest {

    /** Runs what it was given only when the test says so, so a test decides what is waiting when a drain runs. */
    private static final class HeldExecutor implements Executor {
        final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            held.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = held.poll()) != null) {
                task.run();
            }
        }
    }

    private MongoWireServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.uri("marks"));
        mongo = new MongoTemplate(client, "marks");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theMarksWaitingWhenADrainRunsAreWrittenInBulkAndEachEventLeavesItsOutbox() {
        var executor = new HeldExecutor();
        var marks = new PublishedMarks(mongo, executor);
        for (int i = 0; i < 300; i++) {
            mongo.getCollection("alerts").insertOne(new Document("_id", "a" + i).append(OutboxCollection.FIELD,
                    List.of(new Document("eventId", "e" + i + "-1"), new Document("eventId", "e" + i + "-2"))));
        }
        mongo.getCollection("breaches").insertOne(new Document("_id", "b").append(OutboxCollection.FIELD,
                List.of(new Document("eventId", "eb"), new Document("eventId", "kept"))));
        long updatesBefore = updates();

        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            done.add(marks.mark("alerts", "a" + i, "e" + i + "-1"));
            done.add(marks.mark("alerts", "a" + i, "e" + i + "-2"));
        }
        done.add(marks.mark("breaches", "b", "eb"));
        assertThat(executor.held).as("one drain for all that waits").hasSize(1);
        assertThat(done).noneMatch(CompletableFuture::isDone);

        executor.runAll();

        assertThat(done).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(mongo.getCollection("alerts").countDocuments(new Document(OutboxCollection.FIELD + ".0",
                new Document("$exists", true)))).isZero();
        assertThat(mongo.getCollection("breaches").find().first().getList(OutboxCollection.FIELD, Document.class))
                .extracting(d -> d.getString("eventId")).containsExactly("kept");
        // 601 marks: 500 and 100 of the alerts, then the breach's 1 in the second batch
        assertThat(updates() - updatesBefore).isEqualTo(3);
    }

    @Test
    void aMarkMadeWhileNoDrainIsWaitingStartsOneAtOnce() {
        var marks = new PublishedMarks(mongo, Runnable::run);
        mongo.getCollection("alerts").insertOne(new Document("_id", "a").append(OutboxCollection.FIELD,
                List.of(new Document("eventId", "e1"), new Document("eventId", "e2"))));

        marks.mark("alerts", "a", "e1").join();
        marks.mark("alerts", "a", "e2").join();

        assertThat(mongo.getCollection("alerts").find().first().getList(OutboxCollection.FIELD, Document.class))
                .isEmpty();
    }

    @Test
    void aWriteThatFailsLeavesTheEventsForTheRelayAndTheNextMarkIsStillWritten() {
        var executor = new HeldExecutor();
        var marks = new PublishedMarks(mongo, executor);
        mongo.getCollection("alerts").insertOne(new Document("_id", "a").append(OutboxCollection.FIELD,
                List.of(new Document("eventId", "e1"), new Document("eventId", "e2"))));
        var brokenClient = MongoClients.create(server.uri("marks"));
        var broken = new PublishedMarks(new MongoTemplate(brokenClient, "marks"), executor);
        brokenClient.close();

        var failed = broken.mark("alerts", "a", "e1");
        executor.runAll();
        assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class);
        assertThat(mongo.getCollection("alerts").find().first().getList(OutboxCollection.FIELD, Document.class))
                .hasSize(2);

        var later = broken.mark("alerts", "a", "e1");
        assertThat(executor.held).as("the failed drain let the next one start").hasSize(1);
        executor.runAll();
        assertThat(later).isCompletedExceptionally();

        marks.mark("alerts", "a", "e2");
        executor.runAll();
        assertThat(mongo.getCollection("alerts").find().first().getList(OutboxCollection.FIELD, Document.class))
                .extracting(d -> d.getString("eventId")).containsExactly("e1");
    }

    private long updates() {
        return server.counts().snapshot().entrySet().stream()
                .filter(e -> e.getKey().command().equals("update"))
                .mapToLong(e -> e.getValue().commands()).sum();
    }
}
