package uk.orderwatch.notification.directory;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.followup.FollowUps;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

/**
 * Recording an agency, with two people for any change of where its alerts go. A new agency, and a change that
 * leaves every route as it was (a name, a job title), are recorded at once. A change of people's email or mobile,
 * of who is in the agency, of the webhook or of the escalation chain is stored as a {@link DirectoryChange} and locks
 * the agency: it takes effect only when a second person approves it (another ADMIN, or a supervisor of that agency;
 * never the proposer), and then its old and new contacts are told. Either of them, or the proposer, may reject it.
 */
@Service
public class DirectoryChanges {

    /**
     * The follow-up of an approval: the agency takes the change, then its contacts are told (ADR 11; the handler is
     * {@code delivery.DirectoryChangeNotices}, which sends them).
     */
    public static final String APPLY = "apply-directory-change";

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final FollowUps followUps;
    private final Clock clock;

    public DirectoryChanges(MongoTemplate mongo, DirectoryService directory, AuditLog audit,
                            FollowUps followUps, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.audit = audit;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** What recording an agency did. */
    public sealed interface Outcome {
        /** Recorded at once: {@code created} for a new agency. */
        record Recorded(boolean created) implements Outcome {
        }

        /** Awaits a second person's approval. */
        record Proposed(DirectoryChange change) implements Outcome {
        }
    }

    /** Records the agency at once, or proposes the change for a second person (an ADMIN's request). */
    public Outcome record(String agencyId, RecordAgencyRequest request, Caller caller) {
        var content = directory.content(request);
        var current = directory.find(agencyId).orElse(null);
        if (current != null && current.pendingChangeId() != null) {
            var pending = mongo.findById(current.pendingChangeId(), DirectoryChange.class);
            if (pending != null && pending.proposed().equals(content) && pending.proposedBy(caller)
                    && pending.status() == DirectoryChange.Status.PENDING) {
                return new Outcome.Proposed(pending); // the same request again: its answer was lost
            }
            throw Problem.conflict("change-awaiting-approval", "a change of where agency " + agencyId
                    + "'s alerts go awaits approval (change " + current.pendingChangeId() + "): approve or reject it "
                    + "first");
        }
        var differences = DirectoryService.routeChanges(current, content);
        if (current == null || differences.isEmpty()) {
            // where alerts go is recorded before and after, so a redirection can be traced to who made it
            audit.change(caller, DirectoryController.AGENCY, agencyId, differences);
            directory.store(agencyId, content, current);
            return new Outcome.Recorded(current == null);
        }
        return new Outcome.Proposed(propose(agencyId, current, content, differences, caller));
    }

    private DirectoryChange propose(String agencyId, AgencyDocument current, DirectoryService.Content content,
                                    List<String> differences, Caller caller) {
        String changeId = IdempotentRequest.newId("directory-change");
        List<String> audited = new ArrayList<>(List.of("proposed change " + changeId + ", awaiting approval"));
        audited.addAll(differences);
        audit.change(caller, DirectoryController.AGENCY, agencyId, audited);
        var change = new DirectoryChange(changeId, agencyId, current.version(), content, differences,
                caller.actor(), clock.instant(), DirectoryChange.Status.PENDING, null, null,
                ContactNotices.of(current, content), List.of());
        try {
            mongo.insert(change);
        } catch (DuplicateKeyException e) {
            return mongo.findById(changeId, DirectoryChange.class); // a retry with the same Idempotency-Key
        }
        var locked = mongo.updateFirst(query(where("_id").is(agencyId).and("version").is(current.version())
                .and("pendingChangeId").is(null)), new Update().set("pendingChangeId", changeId), AgencyDocument.class);
        if (locked.getModifiedCount() == 0) {
            close(change, DirectoryChange.Status.REJECTED, null);
            throw Problem.conflict("concurrent-change", "agency " + agencyId + " changed at the same time; try again");
        }
        return change;
    }

    /** Approves the change: the second person. */
    public DirectoryChange approve(String changeId, Caller caller) {
        var change = require(changeId, caller);
        if (change.proposedBy(caller)) {
            throw Problem.conflict("second-person", "You proposed this change, so someone else must approve it: "
                    + "another administrator or a supervisor of the agency.");
        }
        if (change.status() == DirectoryChange.Status.APPROVED && sameActor(change, caller)) {
            return change; // approved by this caller already: the answer was lost
        }
        if (change.status() != DirectoryChange.Status.PENDING) {
            throw Problem.conflict("already-decided", "change " + changeId + " was " + change.status()
                    .name().toLowerCase());
        }
        var agency = directory.find(change.agencyId()).orElseThrow();
        if (agency.version() != change.baseVersion() || !changeId.equals(agency.pendingChangeId())) {
            close(change, DirectoryChange.Status.REJECTED, null);
            throw Problem.conflict("agency-changed", "agency " + change.agencyId() + " changed since the change was "
                    + "proposed; propose it again");
        }
        List<String> audited = new ArrayList<>(List.of("approved change " + changeId + " proposed by "
                + change.proposedBy().personId()));
        audited.addAll(change.differences());
        audit.change(caller, DirectoryController.AGENCY, change.agencyId(), audited);
        FollowUp apply = followUps.pending(APPLY);
        var approved = mongo.findAndModify(query(where("_id").is(changeId).and("status")
                        .is(DirectoryChange.Status.PENDING)),
                new Update().set("status", DirectoryChange.Status.APPROVED).set("decidedBy", caller.actor())
                        .set("decidedAt", clock.instant()).push(FollowUp.FIELD, apply),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true),
                DirectoryChange.class);
        if (approved == null) {
            throw Problem.conflict("already-decided", "change " + changeId + " was decided at the same time");
        }
        followUps.runNow(changeId, apply);
        return mongo.findById(changeId, DirectoryChange.class);
    }

    /** Rejects the change (or the proposer withdraws it): the agency stays as it is and is free to change again. */
    public DirectoryChange reject(String changeId, Caller caller) {
        var change = require(changeId, caller);
        if (change.status() == DirectoryChange.Status.REJECTED && sameActor(change, caller)) {
            return change;
        }
        if (change.status() != DirectoryChange.Status.PENDING) {
            throw Problem.conflict("already-decided", "change " + changeId + " was " + change.status()
                    .name().toLowerCase());
        }
        audit.change(caller, DirectoryController.AGENCY, change.agencyId(), List.of("rejected change " + changeId));
        close(change, DirectoryChange.Status.REJECTED, caller);
        return mongo.findById(changeId, DirectoryChange.class);
    }

    private void close(DirectoryChange change, DirectoryChange.Status status, Caller caller) {
        var update = new Update().set("status", status).set("decidedAt", clock.instant());
        if (caller != null) {
            update.set("decidedBy", caller.actor());
        }
        mongo.updateFirst(query(where("_id").is(change.changeId()).and("status").is(DirectoryChange.Status.PENDING)),
                update, DirectoryChange.class);
        mongo.updateFirst(query(where("_id").is(change.agencyId()).and("pendingChangeId").is(change.changeId())),
                new Update().unset("pendingChangeId"), AgencyDocument.class);
    }

    private static boolean sameActor(DirectoryChange change, Caller caller) {
        return change.decidedBy() != null && change.decidedBy().equals(caller.actor());
    }

    /** The changes {@code caller} may see: ADMIN all; an agency's supervisors their agency's. */
    public List<DirectoryChange> list(Caller caller, String agencyId, DirectoryChange.Status status) {
        var q = new org.springframework.data.mongodb.core.query.Query();
        if (!caller.is(Role.ADMIN)) {
            requireSupervisor(caller);
            q.addCriteria(where("agencyId").is(caller.agencyId()));
        } else if (agencyId != null) {
            q.addCriteria(where("agencyId").is(agencyId));
        }
        if (status != null) {
            q.addCriteria(where("status").is(status));
        }
        return mongo.find(q.with(Sort.by(Sort.Direction.DESC, "proposedAt")).limit(200), DirectoryChange.class);
    }

    /** The change, if {@code caller} may decide on it: ADMIN, or a supervisor of its agency (404 to another's). */
    public DirectoryChange require(String changeId, Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            requireSupervisor(caller);
        }
        return Optional.ofNullable(mongo.findById(changeId, DirectoryChange.class))
                .filter(c -> caller.is(Role.ADMIN) || c.agencyId().equals(caller.agencyId()))
                .orElseThrow(() -> Problem.notFound("Directory change", changeId));
    }

    private static void requireSupervisor(Caller caller) {
        if (!caller.supervisor()) {
            throw Problem.forbidden("Changes to where alerts go are seen and decided by ADMIN and by the agency's "
                    + "supervisors");
        }
    }
}
