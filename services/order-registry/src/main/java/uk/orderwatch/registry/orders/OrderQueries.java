package uk.orderwatch.registry.orders;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.orderwatch.schemas.events.OrderStatus;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.CaseAccess;
import uk.orderwatch.support.web.PageResult;

/**
 * Finding orders: by subject, identifier, court reference, status and force; and those about to expire. Every query
 * is limited to the orders the caller may see.
 */
@Service
public class OrderQueries {

    private final MongoTemplate mongo;
    private final Clock clock;

    public OrderQueries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Orders matching every filter given, most recently made first.
     *
     * @param subject    part of the subject's name or an alias, any case
     * @param identifier the subject's PNC id or CRN, exactly
     */
    public PageResult<OrderSummary> search(Caller caller, String subject, String identifier,
                                           String courtCaseReference, OrderStatus status, String policeAgencyId,
                                           int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(visibleTo(caller));
        if (subject != null && !subject.isBlank()) {
            Pattern contains = Pattern.compile(Pattern.quote(subject.trim()), Pattern.CASE_INSENSITIVE);
            filters.add(new Criteria().orOperator(where("subject.name").regex(contains),
                    where("subject.aliases").regex(contains)));
        }
        if (identifier != null && !identifier.isBlank()) {
            filters.add(new Criteria().orOperator(where("subject.pncId").is(identifier.trim()),
                    where("subject.crn").is(identifier.trim())));
        }
        if (courtCaseReference != null) {
            filters.add(where("courtCaseReference").is(courtCaseReference));
        }
        if (status != null) {
            filters.add(where("status").is(status));
        }
        if (policeAgencyId != null) {
            filters.add(where("agencies.police.agencyId").is(policeAgencyId));
        }
        return page(filters.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(filters)), page, size,
                Sort.by(Sort.Direction.DESC, "madeOn").and(Sort.by("_id")));
    }

    /** Active orders with a fixed end within the next {@code days} days, soonest first. */
    public PageResult<OrderSummary> expiringWithin(Caller caller, int days, int page, int size) {
        var until = clock.instant().plus(Duration.ofDays(days + 1L));
        var query = Query.query(new Criteria().andOperator(visibleTo(caller),
                where("expiresAt").lte(until).and("status").in(OrderStatus.ACTIVE)));
        return page(query, page, size, Sort.by("expiresAt").and(Sort.by("_id")));
    }

    /** Only the orders the caller may see ({@link CaseAccess}), as a query. */
    private static Criteria visibleTo(Caller caller) {
        String field = CaseAccess.assignmentField(caller.role());
        if (field == null) {
            throw new IllegalArgumentException(caller.role() + " sees no orders");
        }
        return where("agencies." + field + ".agencyId").is(caller.agencyId());
    }

    private PageResult<OrderSummary> page(Query query, int page, int size, Sort sort) {
        long total = mongo.count(query, OrderDocument.class);
        query.with(sort).skip((long) page * size).limit(size);
        return new PageResult<>(mongo.find(query, OrderDocument.class).stream().map(OrderSummary::of).toList(), page,
                size, total);
    }
}
