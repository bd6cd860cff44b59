package uk.orderwatch.registry.reports;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Fields;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.registry.orders.OrderDocument;
import uk.orderwatch.support.reports.Report;
import uk.orderwatch.support.security.Caller;

@RestController
@Tag(name = "Reports", description = "Counts for supervisors (their own agency) and administrators (every agency); "
        + "no personal data")
public class OrderReports {

    private final MongoTemplate mongo;

    public OrderReports(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/reports/orders-by-status")
    @Operation(summary = "Orders by force, type and status; format=csv for a download")
    public ResponseEntity<?> ordersByStatus(@RequestParam(required = false) String format, Caller caller) {
        String agency = Report.scope(caller);
        Criteria scope = agency == null ? new Criteria() : new Criteria().orOperator(
                where("agencies.police.agencyId").is(agency), where("agencies.probation.agencyId").is(agency),
                where("agencies.advocacy.agencyId").is(agency));
        var counts = mongo.aggregate(newAggregation(match(scope),
                group(Fields.from(Fields.field("force", "agencies.police.agencyId"), Fields.field("type", "orderType"),
                        Fields.field("status", "status"))).count().as("orders"),
                sort(Sort.by("_id.force", "_id.type", "_id.status"))), OrderDocument.COLLECTION,
                Document.class).getMappedResults();
        List<List<Object>> rows = counts.stream().map(d -> {
            var id = d.get("_id", Document.class);
            return List.<Object>of(id.getString("force"), id.getString("type"), id.getString("status"),
                    d.getInteger("orders"));
        }).toList();
        return new Report("orders-by-status", List.of("force", "type", "status", "orders"), rows).answer(format);
    }
}
