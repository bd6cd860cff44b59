package uk.orderwatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.AlertDocument.Delivery;
import uk.orderwatch.notification.alerts.AlertMetrics;
import uk.orderwatch.notification.alerts.AlertQueries;
import uk.orderwatch.notification.alerts.AlertStored;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.alerts.DeliveryStatus;
import uk.orderwatch.notification.alerts.Escalations;
import uk.orderwatch.notification.channels.Channel;
import uk.orderwatch.notification.channels.ResilientChannels;
import uk.orderwatch.notification.directory.AgencyDocument;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.schemas.EventType;
import uk.orderwatch.schemas.events.AlertDelivered;
import uk.orderwatch.schemas.events.AlertFailed;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.crash.CrashPoints;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.followup.FollowUps;
import uk.orderwatch.support.outbox.OutboxEvent;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.tracing.Traces;

/**
 * Delivers alerts beyond the inbox. Channels are tried in the recipient's order ({@link NotificationRules}: their
 * own, their agency's defaults, or email, SMS, the agency's webhook) until one reaches them, and a channel the person
 * set a wait for when it has passed unless they acknowledged; a failed one is kept with its status and retried from
 * the store with backoff while the next channel is tried. When every channel has failed, {@code alert.failed} is
 * published and the alert escalates.
 * An alert is worked on by one instance at a time: it is claimed first (compare-and-set), then sent, then the
 * outcome stored. Nothing is dropped: the inbox copy is always there.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final MongoTemplate mongo;
    private final ResilientChannels channels;
    private final DirectoryService directory;
    private final AlertQueries alerts;
    private final FollowUps followUps;
    private final EventFactory events;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final AuditLog audit;
    private final int maxAttempts;
    private final Duration retryAfter;
    private final Duration claimFor;
    private final ExecutorService fastPath;
    private final NotificationRulesService notificationRules;
    private final AlertMetrics metrics;
    private final Traces traces;

    public DeliveryService(MongoTemplate mongo, ResilientChannels channels, DirectoryService directory,
                           AlertQueries alerts, FollowUps followUps, EventFactory events,
                           OutboxWriter outbox, Clock clock, @Qualifier("deliveryExecutor") ExecutorService fastPath,
                           AuditLog audit, NotificationSettings settings,
                           NotificationRulesService notificationRules, AlertMetrics metrics, Traces traces) {
        this.traces = traces;
        this.notificationRules = notificationRules;
        this.metrics = metrics;
        this.mongo = mongo;
        this.channels = channels;
        this.directory = directory;
        this.alerts = alerts;
        this.followUps = followUps;
        this.fastPath = fastPath;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
        this.maxAttempts = settings.delivery().maxAttempts();
        this.retryAfter = settings.delivery().retryAfter();
        this.claimFor = settings.delivery().claimFor();
    }

    /**
     * A new alert's channels are tried at once, off the thread that raised it. The insert claimed it for this
     * instance, so no claim is made unless that one ran out while the alert waited for a delivery thread.
     */
    @EventListener
    public void on(AlertStored stored) {
        var alert = stored.alert();
        fastPath.submit(() -> safely(alert.alertId(), () -> {
            Instant now = clock.instant();
            return alert.deliveryClaimedUntil() != null && alert.deliveryClaimedUntil().isAfter(now)
                    ? send(alert, now) : work(alert.alertId());
        }));
    }

    /** Works on the alert on the delivery threads, now rather than at the next timer run. */
    public void deliverSoon(String alertId) {
        fastPath.submit(() -> deliver(alertId));
    }

    /**
     * Delivers every alert whose next attempt is due (the worker; also repairs what a crash interrupted), in batches
     * of 200 worked on side by side, until none is left: after a channel outage the backlog drains at the channels'
     * pace, not 200 alerts per timer run.
     */
    public int deliverDue() {
        int worked = 0;
        while (true) {
            Instant now = clock.instant();
            // not those another worker holds (a new alert is held by the instance that raised it, ADR 20)
            var due = mongo.find(query(where("deliveryDueAt").lte(now).orOperator(
                    where("deliveryClaimedUntil").is(null), where("deliveryClaimedUntil").lt(now))).limit(200),
                    AlertDocument.class);
            List<java.util.concurrent.Future<Boolean>> attempts = new ArrayList<>();
            for (var alert : due) {
                attempts.add(fastPath.submit(() -> deliver(alert.alertId())));
            }
            int round = 0;
            for (var attempt : attempts) {
                try {
                    if (attempt.get()) {
                        round++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return worked + round;
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("Delivery worker failed on an alert, it is tried again: {}", e.getCause().toString());
                }
            }
            worked += round;
            if (due.size() < 200 || round == 0) {
                return worked;
            }
        }
    }

    /** Works on one alert if no one else is; true when it did. */
    public boolean deliver(String alertId) {
        return safely(alertId, () -> work(alertId));
    }

    private boolean safely(String alertId, java.util.function.BooleanSupplier attempt) {
        try {
            return attempt.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("Delivery of alert {} failed, the worker retries it: {}", alertId, e.toString());
            return false;
        }
    }

    private boolean work(String alertId) {
        Instant now = clock.instant();
        var claimed = mongo.findAndModify(query(where("_id").is(alertId).and("deliveryDueAt").lte(now)
                        .orOperator(where("deliveryClaimedUntil").is(null), where("deliveryClaimedUntil").lt(now))),
                new Update().set("deliveryClaimedUntil", now.plus(claimFor)).inc("version", 1),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                AlertDocument.class);
        if (claimed == null) {
            return false;
        }
        return send(claimed, now);
    }

    /**
     * Tries the channels of an alert this worker holds the claim of, and records the outcome under that claim: a span
     * of the trace of the report that raised the alert, each channel's sending a span within it (ADR 23).
     */
    private boolean send(AlertDocument claimed, Instant now) {
        return traces.within("deliver alert", claimed.traceparent(), null,
                Map.of("alert.id", claimed.alertId()), () -> sendTraced(claimed, now));
    }

    private boolean sendTraced(AlertDocument claimed, Instant now) {
        String alertId = claimed.alertId();
        CrashPoints.reach(CrashPoints.AFTER_DELIVERY_CLAIM, "alerts");
        AgencyDocument agency = directory.recent(claimed.recipient().agencyId()).orElse(null);
        AgencyDocument.Person person = agency == null ? null : agency.person(claimed.recipient().personId())
                .orElse(null);
        List<Delivery> deliveries = new ArrayList<>(claimed.deliveries());
        List<OutboxEvent> newEvents = new ArrayList<>();
        boolean reached = deliveries.stream().anyMatch(d -> d.channel() != ChannelType.INBOX
                && d.status().reached());
        boolean acknowledged = claimed.acknowledged();
        var rules = notificationRules.inForce(claimed.recipient().agencyId(), claimed.recipient().personId())
                .rules();
        List<NotificationRules.Step> plan = rules.plan(claimed.priority()).stream()
                .filter(s -> channels.channel(s.channel()) != null
                        && channels.channel(s.channel()).canReach(person, agency)).toList();
        List<ChannelType> reachable = plan.stream().map(NotificationRules.Step::channel).toList();
        // the first time a channel still to come may be tried: a later step, or the end of quiet hours
        Instant later = null;
        List<ChannelType> deliveredNow = new ArrayList<>();
        for (NotificationRules.Step step : plan) {
            ChannelType type = step.channel();
            Instant start = rules.startOf(step, claimed.priority(), claimed.raisedAt());
            // a step with a wait goes only to someone who has not acknowledged; one without, until one reaches them
            if (step.chained() ? acknowledged : reached) {
                continue;
            }
            if (start.isAfter(now)) {
                later = later == null || start.isBefore(later) ? start : later;
                continue;
            }
            Delivery d = deliveries.stream().filter(x -> x.channel() == type).findFirst()
                    .orElse(new Delivery(type, DeliveryStatus.CREATED, 0, null, null, null, null));
            if (!due(d, now)) {
                continue;
            }
            // a disclosure is audited before it is made; if the audit log cannot be written nothing is sent, and
            // the claim runs out so the alert is tried again
            audit.disclose(null, type.name().toLowerCase(java.util.Locale.ROOT), AlertDocument.AUDIT_RESOURCE,
                    claimed.alertId(), claimed.recipient().personId(), claimed.recipient().agencyId());
            Delivery outcome;
            try {
                Channel.Sent sent = traces.within("send " + type.name().toLowerCase(java.util.Locale.ROOT), null,
                        Span.Kind.CLIENT, Map.of("alert.id", claimed.alertId()),
                        () -> channels.send(type, claimed, person, agency));
                CrashPoints.reach(CrashPoints.AFTER_DELIVERY_SEND, type.name().toLowerCase(java.util.Locale.ROOT));
                outcome = new Delivery(type, sent.deliveredNow() ? DeliveryStatus.DELIVERED : DeliveryStatus.SENDING,
                        d.attempts() + 1, now, null, sent.providerReference(), null);
                if (sent.deliveredNow()) {
                    newEvents.add(delivered(events, claimed, type, now));
                    deliveredNow.add(type);
                }
                reached = true;
            } catch (Channel.PermanentFailure e) {
                outcome = new Delivery(type, DeliveryStatus.PERMANENT_FAILURE, d.attempts() + 1, now, null, null,
                        e.getMessage());
            } catch (RuntimeException e) {
                int attempts = d.attempts() + 1;
                outcome = new Delivery(type, attempts >= maxAttempts ? DeliveryStatus.TECHNICAL_FAILURE
                        : DeliveryStatus.TEMPORARY_FAILURE, attempts, now,
                        attempts >= maxAttempts ? null : now.plus(retryAfter.multipliedBy(1L << Math.min(attempts - 1,
                                6))), null, rootMessage(e));
            }
            replace(deliveries, outcome);
        }
        boolean allFailed = !reached && !reachable.isEmpty() && later == null;
        boolean reportFailure = allFailed && !claimed.failureReported();
        if (reportFailure) {
            newEvents.add(events.create(EventType.ALERT_FAILED, claimed.orderId(), new AlertFailed(claimed.alertId(),
                    claimed.orderId(), claimed.recipient(), reachable.stream().map(Enum::name).toList(), now,
                    AlertFailed.CHANNELS_FAILED)));
        }
        boolean anyReached = reached;
        Instant nextDue = java.util.stream.Stream.concat(deliveries.stream()
                        .filter(d -> retried(d, plan, anyReached, acknowledged)).map(Delivery::nextAttemptAt)
                        .filter(Objects::nonNull), java.util.stream.Stream.ofNullable(later))
                .min(Comparator.naturalOrder()).orElse(null);
        var update = new Update().set("deliveries", mongo.getConverter().convertToMongoType(deliveries))
                .unset("deliveryClaimedUntil").inc("version", 1);
        if (nextDue == null) {
            update.unset("deliveryDueAt");
        } else {
            update.set("deliveryDueAt", nextDue);
        }
        // an alert no channel could deliver escalates: recorded with the failure, done after it (ADR 11)
        FollowUp escalate = reportFailure ? followUps.pending(Escalations.ESCALATE_UNDELIVERED) : null;
        if (reportFailure) {
            update.set("failureReported", true).push(FollowUp.FIELD, escalate);
        }
        // recorded while the claim is still this worker's: an acknowledgement meanwhile does not lose the outcome
        var stored = outbox.update(query(where("_id").is(alertId).and("deliveryClaimedUntil")
                .is(claimed.deliveryClaimedUntil())), update, AlertDocument.class, newEvents);
        if (stored != null) {
            deliveredNow.forEach(type -> metrics.delivered(claimed, type, now));
            if (reportFailure) {
                metrics.failed(claimed);
            }
        }
        if (stored != null && escalate != null) {
            followUps.runNow(alertId, escalate);
        }
        return true;
    }

    /**
     * Whether a failed delivery is tried again: a channel without a wait until any channel reached the person, one
     * with a wait until they acknowledge.
     */
    private static boolean retried(Delivery d, List<NotificationRules.Step> plan, boolean reached,
                                   boolean acknowledged) {
        boolean chained = plan.stream().anyMatch(s -> s.channel() == d.channel() && s.chained());
        return chained ? !acknowledged : !reached;
    }

    /** The {@code alert.delivered} event of a delivery that reached its recipient. */
    static OutboxEvent delivered(EventFactory events, AlertDocument alert, ChannelType type, Instant now) {
        return events.create(EventType.ALERT_DELIVERED, alert.orderId(), new AlertDelivered(alert.alertId(),
                alert.orderId(), alert.recipient(), type.name(), now));
    }

    private static boolean due(Delivery d, Instant now) {
        return switch (d.status()) {
            case CREATED -> true;
            case TEMPORARY_FAILURE -> d.nextAttemptAt() != null && !d.nextAttemptAt().isAfter(now);
            default -> false;
        };
    }

    static void replace(List<Delivery> deliveries, Delivery d) {
        deliveries.removeIf(x -> x.channel() == d.channel());
        deliveries.add(d);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
