package uk.orderwatch.notification.alerts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.web.PageResult;
import uk.orderwatch.support.web.Problem;

/** Reading alerts: one by id, the inbox with its filters, and what a reconnecting live stream missed. */
@Service
public class AlertQueries {

    private final MongoTemplate mongo;

    public AlertQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<AlertDocument> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, AlertDocument.class));
    }

    public AlertDocument require(String alertId) {
        return find(alertId).orElseThrow(() -> Problem.notFound("Alert", alertId));
    }

    /** The filters of the inbox; null means "any". */
    public record Filter(String personId, String agencyId, String orderId, Severity priority, Boolean unread,
                         Boolean unacknowledged) {
    }

    /** Alerts, newest first. */
    public PageResult<AlertView> search(Filter f, int page, int size) {
        Criteria criteria = new Criteria();
        if (f.personId() != null) {
            criteria = criteria.and("recipient.personId").is(f.personId());
        }
        if (f.agencyId() != null) {
            criteria = criteria.and("recipient.agencyId").is(f.agencyId());
        }
        if (f.orderId() != null) {
            criteria = criteria.and("orderId").is(f.orderId());
        }
        if (f.priority() != null) {
            criteria = criteria.and("priority").is(f.priority());
        }
        if (Boolean.TRUE.equals(f.unread())) {
            criteria = criteria.and("readAt").is(null);
        }
        if (Boolean.TRUE.equals(f.unacknowledged())) {
            criteria = criteria.and("acknowledgement").is(null);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AlertDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return new PageResult<>(mongo.find(query, AlertDocument.class).stream().map(AlertView::of).toList(), page,
                size, total);
    }

    /**
     * How long before the last alert a reconnecting stream had, alerts are sent again. Alerts raised by different
     * instances reach a stream in the order they are heard, not the order they were raised: one raised a moment
     * before the last one the client got may not have reached it yet (ADR 21). The client tells them apart by id.
     */
    static final Duration RESUME_OVERLAP = Duration.ofSeconds(60);

    /**
     * The recipient's alerts raised after {@code lastEventId}, and those raised up to {@link #RESUME_OVERLAP} before
     * it but for it (for a stream that reconnects), oldest first.
     */
    public List<AlertView> after(String agencyId, String personId, String lastEventId) {
        var last = lastEventId == null ? null : mongo.findById(lastEventId, AlertDocument.class);
        if (last == null || !last.isFor(agencyId, personId)) {
            return List.of();
        }
        return mongo.find(query(where("recipient.personId").is(personId).and("recipient.agencyId").is(agencyId)
                        .and("raisedAt").gte(last.raisedAt().minus(RESUME_OVERLAP))
                        .and("_id").ne(last.alertId())).with(Sort.by("raisedAt")), AlertDocument.class)
                .stream().map(AlertView::of).toList();
    }
}
