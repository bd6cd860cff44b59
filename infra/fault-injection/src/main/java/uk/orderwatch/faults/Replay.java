package uk.orderwatch.faults;

import static com.mongodb.client.model.Filters.in;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.testsupport.TopicReader;

/**
 * Sends every event of a scenario's orders again, each order's newest first: a redelivery and a reordering at once.
 * Nothing may change: no new alert, no new delivery, the read models of breach-report and notification as they were.
 */
final class Replay {

    private Replay() {
    }

    static void duplicateAndReorder(FaultSuite suite, FaultSuite.Run run, List<String> failures, List<String> notes)
            throws Exception {
        Set<String> orderIds = Set.copyOf(run.cases().stream().map(FaultSuite.Case::orderId)
                .filter(Objects::nonNull).toList());
        suite.awaitQuiet(Duration.ofSeconds(60));
        var alertsBefore = suite.ledger(run);
        var modelsBefore = readModels(suite, orderIds);
        String bootstrap = suite.stack().config().kafkaBootstrap();
        int sent = 0;
        for (String topic : List.of(Topics.ORDERS, Topics.COMPLIANCE)) {
            Map<String, List<TopicReader.Rec>> byOrder = new LinkedHashMap<>();
            for (var r : TopicReader.readToEnd(bootstrap, topic, Duration.ofMinutes(2))) {
                if (orderIds.contains(r.key())) {
                    byOrder.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                }
            }
            for (var records : byOrder.values()) {
                Collections.reverse(records);
                for (var r : records) {
                    var out = new ProducerRecord<>(topic, r.key(), r.value());
                    r.headers().forEach((k, v) -> out.headers().add(k, v == null ? null
                            : v.getBytes(StandardCharsets.UTF_8)));
                    suite.producer().send(out).get(30, TimeUnit.SECONDS);
                    sent++;
                }
            }
        }
        // every replayed record taken in, and whatever it set off delivered: the count after this is final
        suite.awaitQuiet(Duration.ofSeconds(120));
        var alertsAfter = suite.ledger(run);
        var modelsAfter = readModels(suite, orderIds);
        notes.add("replayed " + sent + " events of " + orderIds.size() + " orders, each order's newest first");
        if (alertsAfter.delivered() + alertsAfter.escalatedOnly() != alertsBefore.delivered()
                + alertsBefore.escalatedOnly() || alertsAfter.duplicates() != alertsBefore.duplicates()
                || alertsAfter.resent() != alertsBefore.resent()
                || alertsAfter.unexpected() != alertsBefore.unexpected()) {
            failures.add("the replay changed the alerts: before " + alertsBefore + ", after " + alertsAfter);
        }
        if (!modelsAfter.equals(modelsBefore)) {
            failures.add("the replay changed the read models of orders");
        }
        if (sent == 0) {
            failures.add("nothing was replayed");
        }
    }

    /** The orders as breach-report and notification hold them. */
    private static Map<String, List<Document>> readModels(FaultSuite suite, Set<String> orderIds) {
        Map<String, List<Document>> models = new LinkedHashMap<>();
        for (String service : List.of("breach-report", "notification")) {
            List<Document> docs = new ArrayList<>();
            suite.mongo().getDatabase("orderwatch-" + service).getCollection("orders")
                    .find(in("_id", orderIds)).sort(new Document("_id", 1)).into(docs);
            models.put(service, docs);
        }
        return models;
    }
}
