package uk.orderwatch.breachreport.enforcement;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.breachreport.BreachReportSettings;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.attendance.SessionResult;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.breachreport.orders.KnownOrder;
import uk.orderwatch.breachreport.orders.NonCompliance;
import uk.orderwatch.breachreport.orders.OrderReadModel;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.schemas.events.Condition;
import uk.orderwatch.schemas.events.EnforcementReviewRequired;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUpHandler;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.web.Problem;

/**
 * Enforcement the way probation does it (HMPPS): the person on probation's unacceptable absences and behaviour
 * concerns at one programme within a rolling window ({@code orderwatch.enforcement}, per programme where set) call
 * for an enforcement review at the threshold, with a date the practitioner's decision is due. Each review counts only
 * failures no earlier review of that programme counted, so a review can follow another. Breaches of the order's
 * prohibitions are a police matter (their own life, {@code breach.outcome-recorded}) and are not counted. A review is
 * inserted with its event under an id that numbers the programme's reviews: however often and wherever the check
 * runs, each is raised once. Each recorded failure records a follow-up that runs the check (ADR 11).
 */
@Service
public class NonComplianceService {

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final BreachReportSettings.Enforcement rules;
    private final OrderReadModel orders;

    public NonComplianceService(MongoTemplate mongo, EventFactory events, OutboxWriter outbox, Clock clock,
                                BreachReportSettings settings, OrderReadModel orders) {
        this.mongo = mongo;
        this.orders = orders;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.rules = settings.enforcement();
    }

    public record Counts(long breaches, long unacceptableAbsences) {
        public long total() {
            return breaches + unacceptableAbsences;
        }
    }

    public Counts count(String orderId) {
        return new Counts(mongo.count(query(where("orderId").is(orderId)), BreachDocument.class),
                mongo.count(query(where("orderId").is(orderId).and("currentOutcome").is(SessionResult.MISSED)),
                        SessionDocument.class));
    }

    /** A recorded failure's follow-up: its order's reviews are checked. */
    @Bean
    static FollowUpHandler sessionCheck(NonComplianceService service, MongoTemplate mongo) {
        return FollowUpHandler.of(NonCompliance.SESSION_CHECK, SessionDocument.class, id -> {
            String orderId = mongo.findById(id, SessionDocument.class).orderId();
            service.check(service.orders.find(orderId).orElseThrow(() -> new IllegalStateException("order "
                    + orderId + " of " + id + " is not known")));
        });
    }

    /** A failure: an unacceptable absence, or a session whose latest outcome records a behaviour concern. */
    static boolean failure(SessionDocument s) {
        if (s.currentOutcome() == SessionResult.MISSED) {
            return true;
        }
        return !s.outcomes().isEmpty() && s.outcomes().get(s.outcomes().size() - 1).concern() != null;
    }

    /** Raises a review for each programme of the order whose uncounted failures in its window reached its threshold. */
    public void check(KnownOrder known) {
        Instant now = clock.instant();
        for (Condition condition : known.order().conditions()) {
            if (condition.programme() == null) {
                continue;
            }
            var rule = rules.ruleFor(condition.programme().name());
            var earlier = reviews(known.orderId(), condition.conditionId());
            Set<String> counted = new HashSet<>();
            earlier.forEach(r -> counted.addAll(r.occurrences()));
            List<String> fresh = mongo.find(query(where("orderId").is(known.orderId())
                            .and("conditionId").is(condition.conditionId()).and("start").gte(now.minus(rule.window())))
                            .with(Sort.by("start")), SessionDocument.class).stream()
                    .filter(NonComplianceService::failure).map(SessionDocument::sessionId)
                    .filter(id -> !counted.contains(id)).toList();
            if (fresh.size() >= rule.threshold()) {
                raise(known, condition.conditionId(), earlier.size() + 1, fresh, rule, now);
            }
        }
    }

    private void raise(KnownOrder known, String conditionId, int n, List<String> occurrences,
                       BreachReportSettings.Enforcement.Rule rule, Instant now) {
        var order = known.order();
        String reviewId = known.orderId() + ":" + conditionId + ":" + n;
        Instant responseBy = now.plus(rules.respondWithin());
        var event = events.create(EventType.ENFORCEMENT_REVIEW_REQUIRED, known.orderId(),
                new EnforcementReviewRequired(known.orderId(), order.version(), reviewId, conditionId,
                        occurrences.size(), rule.threshold(), (int) rule.window().toDays(), occurrences, responseBy,
                        order.subject(), order.agencies()));
        try {
            outbox.insert(new EnforcementReview(reviewId, known.orderId(), conditionId, now, occurrences.size(),
                    rule.threshold(), rule.window(), occurrences, responseBy, null, List.of(event)), List.of(event));
        } catch (DuplicateKeyException e) {
            // raised by a concurrent check
        }
    }

    /** A programme's reviews, oldest first. */
    List<EnforcementReview> reviews(String orderId, String conditionId) {
        return mongo.find(query(where("orderId").is(orderId).and("conditionId").is(conditionId))
                .with(Sort.by("raisedAt")), EnforcementReview.class);
    }

    /** An order's reviews, oldest first. */
    public List<EnforcementReview> reviews(String orderId) {
        return mongo.find(query(where("orderId").is(orderId)).with(Sort.by("raisedAt")), EnforcementReview.class);
    }

    public Optional<EnforcementReview> review(String orderId, String reviewId) {
        return Optional.ofNullable(mongo.findById(reviewId, EnforcementReview.class))
                .filter(r -> r.orderId().equals(orderId));
    }

    /** Records the practitioner's decision on a review, once. */
    public EnforcementReview decide(String orderId, String reviewId, EnforcementDecision outcome,
                                    java.time.LocalDate decidedOn, Actor by) {
        var review = review(orderId, reviewId).orElseThrow(() -> Problem.notFound("Enforcement review", reviewId));
        if (review.decision() != null) {
            throw Problem.conflict("decided-once", "review " + reviewId + " was decided on "
                    + review.decision().decidedOn());
        }
        var today = java.time.LocalDate.now(clock.withZone(uk.orderwatch.schemas.events.Court.ZONE));
        if (decidedOn.isAfter(today)) {
            throw Problem.rule("decided-in-future", "decidedOn", "record a decision once it was made");
        }
        var decided = mongo.findAndModify(query(where("_id").is(reviewId).and("decision").is(null)),
                new Update().set("decision", new EnforcementReview.Decision(outcome, decidedOn, by, clock.instant())),
                FindAndModifyOptions.options().returnNew(true), EnforcementReview.class);
        if (decided == null) {
            throw Problem.conflict("decided-once", "review " + reviewId + " was decided at the same time");
        }
        return decided;
    }

    /** Records a warning given for one failure of the order. */
    public EnforcementWarning warn(String orderId, String sessionId, java.time.LocalDate issuedOn, Actor by) {
        var session = Optional.ofNullable(mongo.findById(sessionId, SessionDocument.class))
                .filter(s -> s.orderId().equals(orderId))
                .orElseThrow(() -> Problem.rule("session-unknown", "sessionId", "the order has no session "
                        + sessionId));
        if (!failure(session)) {
            throw Problem.rule("warning-for-a-failure", "sessionId", "a warning is for an unacceptable absence or "
                    + "a behaviour concern");
        }
        var today = java.time.LocalDate.now(clock.withZone(uk.orderwatch.schemas.events.Court.ZONE));
        if (issuedOn.isAfter(today)) {
            throw Problem.rule("issued-in-future", "issuedOn", "record a warning once it was given");
        }
        String id = uk.orderwatch.support.idempotency.IdempotentRequest.newId("warning");
        var warning = new EnforcementWarning(id, orderId, sessionId, issuedOn, by, clock.instant());
        try {
            mongo.insert(warning);
        } catch (DuplicateKeyException e) {
            return mongo.findById(id, EnforcementWarning.class); // a retry of the same request
        }
        return warning;
    }

    public List<EnforcementWarning> warnings(String orderId) {
        return mongo.find(query(where("orderId").is(orderId)).with(Sort.by("recordedAt")),
                EnforcementWarning.class);
    }

    /** The rule a programme is held to, for showing. */
    public BreachReportSettings.Enforcement.Rule rule(String programmeName) {
        return rules.ruleFor(programmeName);
    }
}
