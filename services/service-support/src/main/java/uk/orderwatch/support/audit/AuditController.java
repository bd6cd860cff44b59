package uk.orderwatch.support.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.web.PageResult;

/** ADMIN only (see the security configuration): who consulted, changed or disclosed what, newest first. */
@RestController
@Validated
@RequestMapping(path = "/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "This service's consultation, change and disclosure log (DPA 2018 s.62)")
public class AuditController {

    private final MongoTemplate mongo;

    public AuditController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    @Operation(operationId = "searchAudit", summary = "Audit entries, newest first",
            description = "Filter by the user (personId), their agency, a record id, the action and a time range.")
    public PageResult<AuditEntry> search(@RequestParam(required = false) String personId,
                                         @RequestParam(required = false) String agencyId,
                                         @RequestParam(required = false) String recordId,
                                         @RequestParam(required = false) AuditEntry.Action action,
                                         @RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Criteria criteria = new Criteria();
        if (personId != null) {
            criteria.and("personId").is(personId);
        }
        if (agencyId != null) {
            criteria.and("agencyId").is(agencyId);
        }
        if (recordId != null) {
            criteria.and("recordIds").is(recordId);
        }
        if (action != null) {
            criteria.and("action").is(action);
        }
        if (from != null || to != null) {
            Criteria at = criteria.and("at");
            if (from != null) {
                at.gte(from);
            }
            if (to != null) {
                at.lt(to);
            }
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AuditEntry.class);
        var items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size),
                AuditEntry.class);
        return new PageResult<>(items, page, size, total);
    }
}
