package uk.orderwatch.notification.reports;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.reports.Report;
import uk.orderwatch.support.security.Caller;

@RestController
@Validated
@Tag(name = "Reports", description = "Counts for supervisors (their own agency) and administrators (every agency); "
        + "no personal data")
public class AlertReports {

    private final MongoTemplate mongo;
    private final Clock clock;

    public AlertReports(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping("/reports/acknowledgements")
    @Operation(summary = "Alerts raised in the last `days` days per agency and priority: how many, how many "
            + "acknowledged, minutes from alert to acknowledgement (median and 90th percentile), how many escalated; "
            + "format=csv for a download")
    public ResponseEntity<?> acknowledgements(@RequestParam(defaultValue = "90") @Min(1) @Max(731) int days,
                                              @RequestParam(required = false) String format, Caller caller) {
        String agency = Report.scope(caller);
        var since = query(where("raisedAt").gte(clock.instant().minus(Duration.ofDays(days))));
        if (agency != null) {
            since.addCriteria(where("recipient.agencyId").is(agency));
        }
        Map<String, List<AlertDocument>> groups = new TreeMap<>();
        for (var alert : mongo.find(since, AlertDocument.class)) {
            groups.computeIfAbsent(alert.recipient().agencyId() + "\u0000" + alert.priority(),
                    k -> new ArrayList<>()).add(alert);
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, List<AlertDocument>> e) ->
                e.getKey().split("\u0000")[0]).thenComparing(e -> Severity.valueOf(e.getKey().split("\u0000")[1])))
                .forEach(e -> rows.add(row(e.getKey().split("\u0000"), e.getValue())));
        return new Report("alert-acknowledgements", List.of("agency", "priority", "alerts", "acknowledged",
                "median minutes to acknowledge", "90th percentile minutes to acknowledge", "escalated"), rows)
                .answer(format);
    }

    private static List<Object> row(String[] key, List<AlertDocument> alerts) {
        List<Long> minutes = alerts.stream().filter(AlertDocument::acknowledged)
                .map(a -> Duration.between(a.raisedAt(), a.acknowledgement().at()).toMinutes()).sorted().toList();
        long escalated = alerts.stream().filter(a -> a.escalatedToAlertId() != null).count();
        return List.of(key[0], key[1], alerts.size(), minutes.size(), percentile(minutes, 50),
                percentile(minutes, 90), escalated);
    }

    /** The nearest-rank percentile of sorted values; empty when there are none. */
    static Object percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "";
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
