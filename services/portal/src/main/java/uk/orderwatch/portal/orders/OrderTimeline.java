package uk.orderwatch.portal.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.orderwatch.portal.web.Formats;
import uk.orderwatch.portal.web.Labels;

/**
 * One timeline of everything that happened to an order, newest first, from what the services answered: its
 * versions (registered, served, varied, renewed, discharged, expired), breach reports, session outcomes,
 * notifications under the notification requirement, and the user's alerts with their acknowledgements.
 */
@Component
public class OrderTimeline {

    /** One thing that happened: when, what, and a line of detail (may be empty). */
    public record Entry(Instant at, String title, String detail, String link) {
    }

    private final Labels labels;
    private final Formats formats;

    public OrderTimeline(Labels labels, Formats formats) {
        this.labels = labels;
        this.formats = formats;
    }

    @SuppressWarnings("unchecked")
    public List<Entry> of(List<Map<String, Object>> history, Map<String, Object> compliance,
                          Map<String, Object> alerts, Map<String, Object> requirement, Map<String, String> names) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Object> before = Map.of();
        for (var h : history) {
            String action = String.valueOf(h.get("action"));
            String title = labels.of("history", action) + " (version " + h.get("version") + ")";
            var agencies = (Map<String, Object>) ((Map<String, Object>) h.getOrDefault("terms", Map.of()))
                    .getOrDefault("agencies", Map.of());
            String detail = h.get("reason") != null ? "Reason: " + h.get("reason")
                    : action.equals("reassigned") ? reassigned(before, agencies, names) : "";
            entries.add(new Entry(instant(h.get("at")), title, detail, null));
            before = agencies;
        }
        for (var b : (List<Map<String, Object>>) compliance.getOrDefault("breaches", List.of())) {
            entries.add(new Entry(instant(b.get("reportedAt")), "Breach reported: "
                    + labels.condition(b.get("conditionCategory")).toLowerCase(Locale.UK),
                    "Happened " + formats.dateTime(b.get("occurredAt")) + ". " + b.getOrDefault("description", ""),
                    null));
            for (var o : (List<Map<String, Object>>) b.getOrDefault("outcomes", List.of())) {
                String detail = (o.get("noFurtherActionReason") == null ? ""
                        : labels.of("nfaReason", o.get("noFurtherActionReason")) + ". ")
                        + (Boolean.TRUE.equals(o.get("reasonableExcuseRaised"))
                        ? "The subject said they had a reasonable excuse." : "");
                entries.add(new Entry(instant(o.get("at")), "Breach of the "
                        + labels.condition(b.get("conditionCategory")).toLowerCase(Locale.UK) + " condition: "
                        + labels.of("breachStep", o.get("step")).toLowerCase(Locale.UK), detail.trim(), null));
            }
        }
        for (var s : (List<Map<String, Object>>) compliance.getOrDefault("sessions", List.of())) {
            for (var o : (List<Map<String, Object>>) s.getOrDefault("outcomes", List.of())) {
                String session = s.get("sequence") == null ? "Unplanned session" : "Session " + s.get("sequence");
                entries.add(new Entry(instant(o.get("recordedAt")), session + " recorded: "
                        + labels.of("outcome", o.get("outcome")).toLowerCase(Locale.UK),
                        "Session on " + formats.dateTime(s.get("start")) + (o.get("correctionReason") == null ? ""
                                : ". Corrected: " + o.get("correctionReason")), null));
            }
        }
        if (requirement != null) {
            for (var n : (List<Map<String, Object>>) requirement.getOrDefault("notifications", List.of())) {
                entries.add(new Entry(instant(n.get("recordedAt")), labels.of("notification", n.get("kind")), "The subject notified the police on "
                        + formats.dateTime(n.get("notifiedAt")), null));
            }
        }
        for (var a : (List<Map<String, Object>>) alerts.getOrDefault("items", List.of())) {
            entries.add(new Entry(instant(a.get("raisedAt")), "Alert: " + a.get("title"),
                    labels.of("priority", a.get("priority")) + " priority", "/alerts/" + a.get("alertId")));
            if (a.get("acknowledgement") instanceof Map<?, ?> ack) {
                entries.add(new Entry(instant(ack.get("at")), "Alert acknowledged: " + a.get("title"),
                        ack.get("note") == null ? "" : "Note: " + ack.get("note"), "/alerts/" + a.get("alertId")));
            }
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return entries;
    }

    /** Who works the case now, for each kind of agency that changed: "Probation practitioner: now Chris Doyle". */
    private static String reassigned(Map<String, Object> before, Map<String, Object> after, Map<String, String> names) {
        List<String> changes = new ArrayList<>();
        for (var role : List.of(Map.entry("police", "Officer in charge"), Map.entry("probation",
                "Probation practitioner"), Map.entry("advocacy", "Caseworker"))) {
            Object was = before.get(role.getKey());
            Object now = after.get(role.getKey());
            if (now instanceof Map<?, ?> n && !n.equals(was)) {
                changes.add(role.getValue() + ": now " + names.get(String.valueOf(n.get("personId"))) + " ("
                        + names.get(String.valueOf(n.get("agencyId"))) + ")");
            }
        }
        return String.join(". ", changes);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
