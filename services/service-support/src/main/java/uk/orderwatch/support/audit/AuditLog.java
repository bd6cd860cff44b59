package uk.orderwatch.support.audit;

import com.mongodb.WriteConcern;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import uk.orderwatch.support.mongo.GroupCommit;
import uk.orderwatch.support.security.Caller;

/**
 * The append-only audit log of this service. Every method inserts one entry and returns only once the store has
 * acknowledged it durably ({@link #WRITE_CONCERN}); if the store cannot, it throws and the request fails (fail
 * closed): a read is not shown, a change is not made, a disclosure is not sent. Entries recorded at the same time by
 * several threads go to the store in one write ({@link GroupCommit}). Nothing in orderwatch updates or deletes an
 * entry.
 */
public class AuditLog {

    /**
     * An entry is acknowledged once a majority of the replica set has it in its journal: an audit entry that a
     * failover could roll back would let a read or a disclosure go unrecorded.
     */
    public static final WriteConcern WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);

    private final Clock clock;
    private final GroupCommit<AuditEntry> entries;

    public AuditLog(MongoTemplate mongo, Clock clock) {
        var durable = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter());
        durable.setWriteConcern(WRITE_CONCERN);
        this.entries = new GroupCommit<>(batch -> durable.insert(batch, AuditEntry.class),
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "audit-writer");
                    t.setDaemon(true);
                    return t;
                }));
        this.clock = clock;
    }

    /** The caller is about to be shown these records. */
    public void read(Caller caller, String resource, List<String> recordIds) {
        insert(caller, AuditEntry.Action.READ, currentRequest(), resource, recordIds, null, null, List.of());
    }

    public void read(Caller caller, String resource, String recordId) {
        read(caller, resource, List.of(recordId));
    }

    /** The caller asks to change this record. */
    public void change(Caller caller, String resource, String recordId) {
        change(caller, resource, recordId, List.of());
    }

    /** The caller asks to change this record, so: each difference, before and after. */
    /** A change of many records at once (a bulk import), one entry naming them all. */
    public void change(Caller caller, String resource, List<String> recordIds) {
        insert(caller, AuditEntry.Action.CHANGE, currentRequest(), resource, recordIds, null, null, List.of());
    }

    public void change(Caller caller, String resource, String recordId, List<String> changes) {
        insert(caller, AuditEntry.Action.CHANGE, currentRequest(), resource, List.of(recordId), null, null, changes);
    }

    /**
     * The service is about to send a record to a recipient by {@code channel}; {@code by} is the user whose request
     * causes it, or null when the service sends on its own (an alert raised by an event).
     */
    public void disclose(Caller by, String channel, String resource, String recordId, String recipientPersonId,
                         String recipientAgencyId) {
        disclose(by, channel, resource, List.of(recordId), recipientPersonId, recipientAgencyId);
    }

    /** Several records sent to one recipient by one channel at once: one disclosure, one entry naming them all. */
    public void disclose(Caller by, String channel, String resource, List<String> recordIds,
                         String recipientPersonId, String recipientAgencyId) {
        insert(by, AuditEntry.Action.DISCLOSE, channel, resource, recordIds, recipientPersonId, recipientAgencyId,
                List.of());
    }

    /** The caller was refused (403 or 404) on {@code request} (method and path as sent). */
    public void refused(Caller caller, String request, int status) {
        insert(caller, AuditEntry.Action.REFUSE, request + " -> " + status, null, List.of(), null, null, List.of());
    }

    private void insert(Caller caller, AuditEntry.Action action, String request, String resource,
                        List<String> recordIds, String recipientPersonId, String recipientAgencyId,
                        List<String> changes) {
        entries.write(new AuditEntry(UUID.randomUUID().toString(), clock.instant(),
                caller == null ? "orderwatch" : caller.personId(), caller == null ? null : caller.role(),
                caller == null ? null : caller.agencyId(), action, request, resource, List.copyOf(recordIds),
                recipientPersonId, recipientAgencyId, List.copyOf(changes)));
    }

    private static String currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        }
        return null;
    }
}
