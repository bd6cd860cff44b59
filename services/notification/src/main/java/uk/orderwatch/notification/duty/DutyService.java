package uk.orderwatch.notification.duty;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.directory.AgencyDocument;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.RecipientRole;
import uk.orderwatch.schemas.events.Severity;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.cache.RecentReads;
import uk.orderwatch.support.idempotency.IdempotentRequest;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

/**
 * Agencies' rotas and escalation policies: recorded by the agency's supervisors (or ADMIN), checked so that no policy
 * ends where nobody is on duty, each change audited with what it changed.
 */
@Service
public class DutyService {

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final AuditLog audit;
    private final Clock clock;
    private final NotificationSettings.AcknowledgeWithin standardWaits;
    private final RecentReads<String, AgencyDuty> recent;

    public DutyService(MongoTemplate mongo, DirectoryService directory, AuditLog audit, Clock clock,
                       NotificationSettings settings) {
        this.mongo = mongo;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.standardWaits = settings.acknowledgeWithin();
        this.recent = new RecentReads<>(settings.delivery().readsKeptFor(), 10_000);
    }

    /**
     * The policy alerts of {@code priority} for the agency walk: its own, or the standard one (the person the alert
     * was raised for, then the fallback, each with the configured time to acknowledge); none for LOW alerts, which
     * nobody has to acknowledge.
     */
    public Optional<EscalationPolicy> policy(String agencyId, Severity priority) {
        return priority == Severity.LOW ? Optional.empty() : policy(inForce(agencyId), priority);
    }

    /** The same, of duty arrangements already read. */
    public Optional<EscalationPolicy> policy(AgencyDuty duty, Severity priority) {
        if (priority == Severity.LOW) {
            return Optional.empty();
        }
        var own = duty.policyFor(priority);
        return Optional.of(own != null ? own : EscalationPolicy.standard(priority == Severity.HIGH
                ? standardWaits.high() : standardWaits.medium()));
    }

    /**
     * Who takes an alert for {@code role} when the order names the agency but nobody for the role: whoever is on duty
     * on the agency's rota for it at {@code at}, or its fallback when nobody is.
     */
    public Recipient onDutyFor(String agencyId, RecipientRole role, Instant at) {
        return onDutyFor(inForce(agencyId), role, at);
    }

    /** The same, of duty arrangements already read. */
    public Recipient onDutyFor(AgencyDuty duty, RecipientRole role, Instant at) {
        String agencyId = duty.agencyId();
        return duty.rota(duty.unassignedRotaId()).flatMap(r -> r.onDutyAt(at))
                .map(o -> new Recipient(o.personId(), agencyId, role))
                .orElseGet(() -> new Recipient(fallback(agencyId), agencyId, role));
    }

    /**
     * Who a step of an escalation reaches at {@code at}: the person the alert was first raised for, whoever is on
     * duty on a rota, a named person or group, the fallback; empty for a rota with nobody on duty then.
     */
    public List<Recipient> reach(EscalationPolicy.Step step, Recipient assigned, Instant at) {
        String agencyId = assigned.agencyId();
        return switch (step.who()) {
            case ASSIGNED -> List.of(assigned);
            case ON_DUTY -> inForce(agencyId).rota(step.rotaId()).flatMap(r -> r.onDutyAt(at))
                    .map(o -> List.of(contact(o.personId(), agencyId))).orElse(List.of());
            case PERSON -> List.of(contact(step.personId(), agencyId));
            case GROUP -> step.personIds().stream().map(p -> contact(p, agencyId)).toList();
            case FALLBACK -> List.of(contact(fallback(agencyId), agencyId));
        };
    }

    private static Recipient contact(String personId, String agencyId) {
        return new Recipient(personId, agencyId, RecipientRole.ESCALATION_CONTACT);
    }

    /** The agency's 24/7 fallback; an agency recorded before fallbacks were required must be recorded again. */
    public String fallback(String agencyId) {
        return directory.recent(agencyId).map(AgencyDocument::fallbackPersonId).orElseThrow(() ->
                new IllegalStateException("agency " + agencyId + " has no 24/7 fallback: record it again with one"));
    }

    /** The agency's duty arrangements; none recorded yet: no rotas, the standard policy. */
    public AgencyDuty of(String agencyId) {
        var stored = mongo.findById(agencyId, AgencyDuty.class);
        return stored != null ? stored : new AgencyDuty(agencyId, 0, Map.of(), null, null, null);
    }

    /**
     * The same as read within the last few seconds ({@code orderwatch.delivery.reads-kept-for}, ADR 20): for raising
     * and escalating alerts, which read it for every alert; never for changing it.
     */
    public AgencyDuty inForce(String agencyId) {
        return recent.get(agencyId, this::of);
    }

    /** The arrangements as {@code caller} may read them: ADMIN and the agency's own staff. */
    public AgencyDuty read(String agencyId, Caller caller) {
        agency(agencyId, caller, false);
        audit.read(caller, AgencyDuty.AUDIT_RESOURCE, agencyId);
        return of(agencyId);
    }

    /** Records (or replaces) a rota's layers, keeping its covers. */
    public AgencyDuty recordRota(String agencyId, String rotaId, DutyRequests.RotaRequest request, Caller caller) {
        var agency = agency(agencyId, caller, true);
        List<Rota.Layer> layers = new ArrayList<>();
        for (int i = 0; i < request.layers().size(); i++) {
            var l = request.layers().get(i);
            for (int m = 0; m < l.members().size(); m++) {
                member(agency, l.members().get(m), "layers[" + i + "].members[" + m + "]");
            }
            var hours = l.hours() == null ? List.<Rota.Hours>of()
                    : l.hours().stream().map(h -> new Rota.Hours(h.days(), h.from(), h.to())).toList();
            layers.add(new Rota.Layer(l.name(), l.members(), l.handoverAt(), Duration.ofHours(l.turnHours()), hours));
        }
        var current = of(agencyId);
        var covers = current.rota(rotaId).map(Rota::covers).orElse(List.of());
        var next = current.withRota(rotaId, new Rota(request.name(), layers, covers));
        checkPolicyEnds(next, "layers");
        return store(current, next, caller, "rota " + rotaId + " recorded: " + layers.size() + " layer(s)");
    }

    /** Removes a rota no policy uses. */
    public AgencyDuty removeRota(String agencyId, String rotaId, Caller caller) {
        agency(agencyId, caller, true);
        var current = of(agencyId);
        current.rota(rotaId).orElseThrow(() -> Problem.notFound("Rota", rotaId));
        if (rotaId.equals(current.unassignedRotaId()) || uses(current.policy(), rotaId)
                || uses(current.highPriority(), rotaId)) {
            throw Problem.rule("rota-in-use", "rotaId", "an escalation policy of the agency uses rota " + rotaId
                    + "; change the policy first");
        }
        return store(current, current.withRota(rotaId, null), caller, "rota " + rotaId + " removed");
    }

    /** Someone covers on a rota for a while (leave, sickness, a swap); a retry finds the cover it recorded. */
    public Rota.Cover addCover(String agencyId, String rotaId, DutyRequests.CoverRequest request, Caller caller) {
        var agency = agency(agencyId, caller, true);
        String coverId = IdempotentRequest.newId("cover");
        var current = of(agencyId);
        var rota = current.rota(rotaId).orElseThrow(() -> Problem.notFound("Rota", rotaId));
        var earlier = rota.covers().stream().filter(c -> c.coverId().equals(coverId)).findFirst();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        member(agency, request.personId(), "personId");
        if (request.replaces() != null) {
            member(agency, request.replaces(), "replaces");
            if (rota.layers().stream().noneMatch(l -> l.members().contains(request.replaces()))) {
                throw Problem.rule("cover-replaces-member", "replaces", request.replaces() + " is not on rota "
                        + rotaId);
            }
        }
        if (!request.to().isAfter(request.from())) {
            throw Problem.invalid("to", "must be after from");
        }
        if (!request.to().isAfter(clock.instant())) {
            throw Problem.rule("cover-in-future", "to", "has passed");
        }
        var cover = new Rota.Cover(coverId, request.personId(), request.replaces(), request.from(), request.to(),
                request.reason(), caller.personId(), clock.instant());
        var covers = new ArrayList<>(rota.covers());
        covers.add(cover);
        store(current, current.withRota(rotaId, new Rota(rota.name(), rota.layers(), covers)), caller,
                "cover " + coverId + " on rota " + rotaId + ": " + request.personId() + " for "
                        + (request.replaces() == null ? "the whole rota" : request.replaces()) + " from "
                        + request.from() + " to " + request.to() + " (" + request.reason() + ")");
        return cover;
    }

    /** What an iCalendar import did: how many shifts, from when to when. */
    public record ShiftsImported(String rotaId, int shifts, Instant from, Instant to) {
    }

    /**
     * Takes a rota's shifts from the agency's rostering system (iCalendar): each shift in the next 90 days, its
     * recurrences written out, becomes a cover of the whole rota by the person it names (an attendee's email, or
     * the summary as a person id or name), replacing the shifts imported before. A shift naming nobody of the agency
     * refuses the whole file.
     */
    public ShiftsImported importShifts(String agencyId, String rotaId, String ics, Caller caller) {
        var agency = agency(agencyId, caller, true);
        var current = of(agencyId);
        var rota = current.rota(rotaId).orElseThrow(() -> Problem.notFound("Rota", rotaId));
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(90));
        List<RotaCalendar.Shift> shifts;
        try {
            shifts = RotaCalendar.shifts(ics, now, until);
        } catch (RotaCalendar.NotICalendar e) {
            throw Problem.invalid("body", "is not an iCalendar file (RFC 5545): " + e.getMessage());
        }
        if (shifts.size() > 2000) {
            throw Problem.invalid("body", "has " + shifts.size() + " shifts in the next 90 days; at most 2000");
        }
        List<Rota.Cover> covers = new ArrayList<>(rota.covers().stream()
                .filter(c -> c.reason() != Rota.CoverReason.SHIFT).toList());
        for (var shift : shifts) {
            var person = agency.people().stream().filter(p -> shift.attendees().stream()
                            .anyMatch(a -> a.equalsIgnoreCase(p.email())) || shift.summary().equals(p.personId())
                            || shift.summary().equalsIgnoreCase(p.name())).findFirst()
                    .orElseThrow(() -> Problem.rule("agency-person", "body", "the shift " + shift.uid() + " ("
                            + shift.summary() + ", " + shift.start() + ") names nobody of " + agencyId + ": give "
                            + "an attendee with their email, or their person id as the summary"));
            if (!shift.end().isAfter(shift.start())) {
                throw Problem.invalid("body", "the shift " + shift.uid() + " ends before it starts");
            }
            covers.add(new Rota.Cover(java.util.UUID.nameUUIDFromBytes((rotaId + "|" + shift.uid() + "|"
                    + shift.start()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                    person.personId(), null, shift.start(), shift.end(), Rota.CoverReason.SHIFT, caller.personId(),
                    now));
        }
        store(current, current.withRota(rotaId, new Rota(rota.name(), rota.layers(), covers)), caller,
                shifts.size() + " shift(s) of rota " + rotaId + " imported from iCalendar, " + now + " to " + until);
        return new ShiftsImported(rotaId, shifts.size(), now, until);
    }

    /** Removes a cover (the leave was cancelled). */
    public AgencyDuty removeCover(String agencyId, String rotaId, String coverId, Caller caller) {
        agency(agencyId, caller, true);
        var current = of(agencyId);
        var rota = current.rota(rotaId).orElseThrow(() -> Problem.notFound("Rota", rotaId));
        var covers = rota.covers().stream().filter(c -> !c.coverId().equals(coverId)).toList();
        if (covers.size() == rota.covers().size()) {
            throw Problem.notFound("Cover", coverId);
        }
        return store(current, current.withRota(rotaId, new Rota(rota.name(), rota.layers(), covers)), caller,
                "cover " + coverId + " on rota " + rotaId + " removed");
    }

    /** Records the agency's escalation policies, refusing one whose last step leaves hours of the week uncovered. */
    public AgencyDuty recordPolicies(String agencyId, DutyRequests.PoliciesRequest request, Caller caller) {
        var agency = agency(agencyId, caller, true);
        var current = of(agencyId);
        if (request.unassignedRotaId() != null && current.rota(request.unassignedRotaId()).isEmpty()) {
            throw Problem.rule("rota-exists", "unassignedRotaId", "the agency has no rota "
                    + request.unassignedRotaId());
        }
        var policy = policy(agency, current, request.policy(), "policy");
        var high = request.highPriority() == null ? null
                : policy(agency, current, request.highPriority(), "highPriority");
        var next = current.withPolicies(request.unassignedRotaId(), policy, high);
        checkPolicyEnds(next, null);
        if (Objects.equals(current.policy(), policy) && Objects.equals(current.highPriority(), high)
                && Objects.equals(current.unassignedRotaId(), request.unassignedRotaId())) {
            return current;
        }
        return store(current, next, caller, "escalation policies recorded: " + describe(policy)
                + (high == null ? "" : "; HIGH: " + describe(high)));
    }

    /** Who is on duty on a rota at {@code at}. */
    public Rota.OnDuty onDuty(String agencyId, String rotaId, Instant at, Caller caller) {
        agency(agencyId, caller, false);
        var rota = of(agencyId).rota(rotaId).orElseThrow(() -> Problem.notFound("Rota", rotaId));
        return rota.onDutyAt(at).orElseThrow(() -> Problem.rule("someone-on-duty", "at", "nobody is on duty on "
                + "rota " + rotaId + " at " + at));
    }

    private EscalationPolicy policy(AgencyDocument agency, AgencyDuty duty, DutyRequests.PolicyRequest request,
                                    String field) {
        List<EscalationPolicy.Step> steps = new ArrayList<>();
        for (int i = 0; i < request.steps().size(); i++) {
            var s = request.steps().get(i);
            String at = field + ".steps[" + i + "]";
            if (i == 0 && s.who() != EscalationPolicy.Notify.ASSIGNED) {
                throw Problem.rule("policy-starts-with-assigned", at + ".who", "the first step is the person the "
                        + "alert was raised for: ASSIGNED");
            }
            boolean rota = s.who() == EscalationPolicy.Notify.ON_DUTY;
            boolean person = s.who() == EscalationPolicy.Notify.PERSON;
            boolean group = s.who() == EscalationPolicy.Notify.GROUP;
            if (group != (s.personIds() != null)) {
                throw Problem.invalid(at + ".personIds", group ? "is required to notify a group"
                        : "is only for a GROUP step");
            }
            if (group) {
                if (s.personIds().size() < 2 || s.personIds().stream().distinct().count() < s.personIds().size()) {
                    throw Problem.invalid(at + ".personIds", "names two or more different people");
                }
                for (int m = 0; m < s.personIds().size(); m++) {
                    member(agency, s.personIds().get(m), at + ".personIds[" + m + "]");
                }
            }
            if (rota != (s.rotaId() != null)) {
                throw Problem.invalid(at + ".rotaId", rota ? "is required to notify who is on duty"
                        : "is only for an ON_DUTY step");
            }
            if (person != (s.personId() != null)) {
                throw Problem.invalid(at + ".personId", person ? "is required to notify a person"
                        : "is only for a PERSON step");
            }
            if (rota && duty.rota(s.rotaId()).isEmpty()) {
                throw Problem.rule("rota-exists", at + ".rotaId", "the agency has no rota " + s.rotaId());
            }
            if (person) {
                member(agency, s.personId(), at + ".personId");
            }
            steps.add(new EscalationPolicy.Step(s.who(), s.rotaId(), s.personId(), s.personIds(),
                    Duration.ofMinutes(s.waitMinutes())));
        }
        return new EscalationPolicy(steps, request.repeat() == null ? 0 : request.repeat());
    }

    /**
     * No dead ends: each policy's last step reaches a human at every hour of the week; one that ends at a rota with
     * uncovered hours is refused naming them.
     */
    private static void checkPolicyEnds(AgencyDuty duty, String field) {
        check(duty, duty.policy(), "policy", field);
        check(duty, duty.highPriority(), "highPriority", field);
    }

    private static void check(AgencyDuty duty, EscalationPolicy policy, String name, String field) {
        if (policy == null) {
            return;
        }
        var last = policy.last();
        String at = field != null ? field : name + ".steps[" + (policy.steps().size() - 1) + "]";
        switch (last.who()) {
            case FALLBACK -> {
            }
            case ON_DUTY -> {
                var gaps = duty.rota(last.rotaId()).map(Rota::uncoveredHours).orElse(List.of("every hour"));
                if (!gaps.isEmpty()) {
                    throw Problem.rule("policy-reaches-someone", at, "the " + name + " ends at rota "
                            + last.rotaId() + ", which has nobody on duty " + String.join(", ", gaps)
                            + "; end it at the agency's fallback or cover those hours");
                }
            }
            default -> throw Problem.rule("policy-reaches-someone", at, "the " + name + " ends at one person, who "
                    + "is not there at every hour; end it at the agency's fallback or at a rota that covers the "
                    + "whole week");
        }
    }

    private static boolean uses(EscalationPolicy policy, String rotaId) {
        return policy != null && policy.steps().stream().anyMatch(s -> rotaId.equals(s.rotaId()));
    }

    private static String describe(EscalationPolicy policy) {
        return policy.steps().stream().map(s -> s.who() + (s.rotaId() != null ? " " + s.rotaId() : "")
                + (s.personId() != null ? " " + s.personId() : "") + (s.personIds() != null ? " " + s.personIds() : "")
                + " (" + s.acknowledgeWithin().toMinutes() + " min)")
                .toList() + (policy.repeat() > 0 ? " repeated " + policy.repeat() + " time(s)" : "");
    }

    private AgencyDuty store(AgencyDuty current, AgencyDuty next, Caller caller, String change) {
        if (current.version() == 0) {
            try {
                mongo.insert(next);
            } catch (DuplicateKeyException e) {
                throw concurrent(current.agencyId());
            }
        } else if (mongo.findAndReplace(query(where("_id").is(current.agencyId()).and("version")
                .is(current.version())), next) == null) {
            throw concurrent(current.agencyId());
        }
        recent.forget(current.agencyId());
        audit.change(caller, AgencyDuty.AUDIT_RESOURCE, current.agencyId(), List.of(change));
        return next;
    }

    private static Problem concurrent(String agencyId) {
        return Problem.conflict("concurrent-change", "the duty arrangements of " + agencyId + " changed at the same "
                + "time; try again");
    }

    /**
     * The agency whose duty arrangements (rotas, policies, notification defaults) {@code caller} changes: its
     * supervisors or ADMIN; 404 to another agency's staff, 403 to its own who are not supervisors.
     */
    public AgencyDocument agencyToChange(String agencyId, Caller caller) {
        return agency(agencyId, caller, true);
    }

    private AgencyDocument agency(String agencyId, Caller caller, boolean change) {
        boolean own = caller.agencyId().equals(agencyId);
        if (!caller.is(Role.ADMIN) && !own) {
            throw Problem.notFound("Agency", agencyId);
        }
        if (change && !caller.is(Role.ADMIN) && !caller.supervisor()) {
            throw Problem.forbidden("only the agency's supervisors (or an administrator) change its rotas and "
                    + "escalation policies");
        }
        return directory.find(agencyId).orElseThrow(() -> Problem.notFound("Agency", agencyId));
    }

    private static void member(AgencyDocument agency, String personId, String field) {
        if (agency.person(personId).isEmpty()) {
            throw Problem.rule("agency-person", field, "no person " + personId + " in " + agency.agencyId());
        }
    }
}
