package uk.orderwatch.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The count of one scenario: the alerts its accepted reports call for, matched with the alerts notification raised
 * (its store) and what the recipients' systems received.
 *
 * @param expected       alerts called for: 3 per accepted report (one breach and one miss per order call for no
 *                       enforcement review: breaches are not counted, and the threshold is two failures)
 * @param delivered      of those, received by the recipient's mail server or webhook receiver
 * @param escalatedOnly  not received, but reported undeliverable and escalated up the agency's chain
 * @param outstanding    neither (yet): at the end of a scenario, these are lost
 * @param undelivered    not received by the recipient (yet), escalated or not
 * @param duplicates     what a recipient sees twice: a second alert for the same event and recipient, or a second
 *                       message (another Message-ID / webhook-id) for one alert on one channel
 * @param resent         a delivery made again with the same Message-ID / webhook-id (at-least-once after a crash
 *                       between sending and recording it), which the recipient's system can drop by its id
 * @param unexpected     alerts of these orders that no accepted report called for (the caseworker's alerts about the
 *                       order itself, its registration, are not what the suite drives: they count only as duplicates)
 * @param recovery       from the fault's end until the last alert of the work users began before then (their
 *                       retries included) reached its recipient
 */
record Ledger(int expected, int delivered, int escalatedOnly, int outstanding, int undelivered, int duplicates,
              int resent, int unexpected,
              Duration recovery, List<String> examples) {

    static Ledger of(FaultSuite.Run run, List<Document> alerts, Receipts receipts) {
        Map<String, Instant> expected = new LinkedHashMap<>(); // key -> when the user began the case
        for (FaultSuite.Case c : run.cases()) {
            if (c.orderId() == null) {
                continue;
            }
            boolean breach = c.breach() != null && c.breach().accepted();
            boolean miss = c.miss() != null && c.miss().accepted();
            if (breach) {
                FaultSuite.REPORT_RECIPIENTS.forEach(p -> expected.put(key(c.orderId(), "breach.reported", p),
                        c.startedAt()));
            }
            if (miss) {
                FaultSuite.REPORT_RECIPIENTS.forEach(p -> expected.put(key(c.orderId(), "session.missed", p),
                        c.startedAt()));
            }
        }
        Map<String, List<Document>> raised = new HashMap<>();
        int duplicates = 0;
        int resent = 0;
        List<String> examples = new ArrayList<>();
        for (Document alert : alerts) {
            String alertId = alert.getString("_id");
            if (alert.getInteger("escalationLevel", 0) == 0) {
                String key = key(alert.getString("orderId"), alert.getString("sourceEventType"),
                        alert.get("recipient", Document.class).getString("personId"));
                raised.computeIfAbsent(key, k -> new ArrayList<>()).add(alert);
            }
            Map<Receipts.Channel, List<String>> perChannel = new HashMap<>();
            receipts.of(alertId).forEach(r -> perChannel.computeIfAbsent(r.channel(), c -> new ArrayList<>())
                    .add(r.messageId()));
            for (var e : perChannel.entrySet()) {
                long distinct = e.getValue().stream().distinct().count();
                if (distinct > 1) {
                    duplicates += (int) distinct - 1;
                    examples.add("alert " + alertId + " received as " + distinct + " messages by " + e.getKey());
                }
                if (e.getValue().size() > distinct) {
                    resent += (int) (e.getValue().size() - distinct);
                    examples.add("alert " + alertId + " resent by " + e.getKey() + " with the same id");
                }
            }
        }
        int unexpected = 0;
        for (var e : raised.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicates += e.getValue().size() - 1;
                examples.add(e.getValue().size() + " alerts for " + e.getKey());
            }
            if (!expected.containsKey(e.getKey()) && !aboutTheOrder(e.getValue().get(0))) {
                unexpected++;
            }
        }
        int delivered = 0;
        int escalatedOnly = 0;
        int outstanding = 0;
        Instant lastRecovered = null;
        for (var e : expected.entrySet()) {
            List<Document> docs = raised.getOrDefault(e.getKey(), List.of());
            if (docs.isEmpty()) {
                outstanding++;
                if (examples.size() < 10) {
                    examples.add("no alert for " + e.getKey());
                }
                continue;
            }
            Document alert = docs.get(0);
            var received = receipts.of(alert.getString("_id"));
            if (!received.isEmpty()) {
                delivered++;
                Instant first = received.stream().map(Receipts.Receipt::at).min(Instant::compareTo).orElseThrow();
                if (e.getValue().isBefore(run.healedAt()) && (lastRecovered == null || first.isAfter(lastRecovered))) {
                    lastRecovered = first;
                }
            } else if (alert.getBoolean("failureReported", false) || alert.getString("escalatedToAlertId") != null) {
                escalatedOnly++;
            } else {
                outstanding++;
                if (examples.size() < 10) {
                    examples.add("alert " + alert.getString("_id") + " (" + e.getKey() + ") neither delivered nor "
                            + "escalated: " + alert.get("deliveries"));
                }
            }
        }
        Duration recovery = lastRecovered == null || lastRecovered.isBefore(run.healedAt()) ? Duration.ZERO
                : Duration.between(run.healedAt(), lastRecovered);
        return new Ledger(expected.size(), delivered, escalatedOnly, outstanding, expected.size() - delivered,
                duplicates, resent, unexpected, recovery, examples);
    }

    private static boolean aboutTheOrder(Document alert) {
        return alert.getString("sourceEventType").startsWith("order.");
    }

    private static String key(String orderId, String sourceEventType, String personId) {
        return orderId + "/" + sourceEventType + "/" + personId;
    }
}
