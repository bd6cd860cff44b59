package uk.orderwatch.breachreport.reports;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.attendance.SessionResult;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.breachreport.enforcement.EnforcementReview;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.schemas.events.Court;
import uk.orderwatch.support.reports.Report;
import uk.orderwatch.support.security.Caller;

@RestController
@Validated
@Tag(name = "Reports", description = "Counts for supervisors (their own agency's orders) and administrators (every "
        + "order); no personal data")
public class ComplianceReports {

    private final MongoTemplate mongo;
    private final Clock clock;

    public ComplianceReports(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping("/reports/monthly")
    @Operation(summary = "Breaches reported, sessions missed and enforcement reviews raised per month (UK time), the "
            + "last `months` months including this one; format=csv for a download")
    public ResponseEntity<?> monthly(@RequestParam(defaultValue = "12") @Min(1) @Max(60) int months,
                                     @RequestParam(required = false) String format, Caller caller) {
        String agency = Report.scope(caller);
        YearMonth now = YearMonth.now(clock.withZone(Court.ZONE));
        YearMonth first = now.minusMonths(months - 1L);
        Instant since = first.atDay(1).atStartOfDay(Court.ZONE).toInstant();
        Criteria orders = orderScope(agency);
        Map<YearMonth, Long> breaches = perMonth(mongo.find(scoped(query(where("occurredAt").gte(since)), orders),
                BreachDocument.class), BreachDocument::occurredAt);
        Map<YearMonth, Long> missed = perMonth(mongo.find(scoped(query(where("start").gte(since)
                .and("currentOutcome").is(SessionResult.MISSED)), orders), SessionDocument.class),
                SessionDocument::start);
        Map<YearMonth, Long> reviews = perMonth(mongo.find(scoped(query(where("raisedAt").gte(since)), orders),
                EnforcementReview.class), EnforcementReview::raisedAt);
        List<List<Object>> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(now); m = m.plusMonths(1)) {
            rows.add(List.of(m.toString(), breaches.getOrDefault(m, 0L), missed.getOrDefault(m, 0L),
                    reviews.getOrDefault(m, 0L)));
        }
        return new Report("compliance-by-month", List.of("month", "breaches reported", "sessions missed",
                "enforcement reviews"), rows).answer(format);
    }

    /** The orders of the agency (every order for null), as a condition on a record's {@code orderId}. */
    private Criteria orderScope(String agency) {
        if (agency == null) {
            return null;
        }
        Set<String> ids = mongo.find(query(new Criteria().orOperator(
                        where("order.agencies.police.agencyId").is(agency),
                        where("order.agencies.probation.agencyId").is(agency),
                        where("order.agencies.advocacy.agencyId").is(agency))), KnownOrder.class).stream()
                .map(KnownOrder::orderId).collect(Collectors.toSet());
        return where("orderId").in(ids);
    }

    private static Query scoped(Query query, Criteria orders) {
        return orders == null ? query : query.addCriteria(orders);
    }

    private static <T> Map<YearMonth, Long> perMonth(List<T> records, Function<T, Instant> when) {
        return records.stream().collect(Collectors.groupingBy(r -> YearMonth.from(when.apply(r).atZone(Court.ZONE)),
                TreeMap::new, Collectors.counting()));
    }
}
