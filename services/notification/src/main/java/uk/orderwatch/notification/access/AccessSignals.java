package uk.orderwatch.notification.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.orderwatch.notification.alerts.AlertContent;
import uk.orderwatch.notification.channels.Channel;
import uk.orderwatch.notification.channels.EmailChannel;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.schemas.CloudEvent;
import uk.orderwatch.schemas.events.AccessRefusedRepeatedly;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.followup.FollowUp;
import uk.orderwatch.support.followup.FollowUpHandler;
import uk.orderwatch.support.followup.FollowUps;

/**
 * Tells an agency when one of its users was refused access again and again by a service ({@code
 * access.refused-repeatedly}): its supervisors get an email saying who,
 * how often, when, and where the requests are in the audit log. The signal is stored, then told as a follow-up
 * (ADR 11), so neither a redelivery nor a mail server that is down loses or doubles it.
 */
@Service
public class AccessSignals {

    static final String TELL = "tell-agency-of-refusals";
    private static final Logger log = LoggerFactory.getLogger(AccessSignals.class);

    private final MongoTemplate mongo;
    private final DirectoryService directory;
    private final FollowUps followUps;

    public AccessSignals(MongoTemplate mongo, DirectoryService directory, FollowUps followUps) {
        this.mongo = mongo;
        this.directory = directory;
        this.followUps = followUps;
    }

    /** Takes in one signal (once, however often it is delivered) and tells the agency. */
    public void take(CloudEvent<?> event) {
        var signal = (AccessRefusedRepeatedly) event.data();
        var agency = directory.find(signal.user().agencyId());
        List<AccessSignal.Told> told = agency.map(a -> a.supervisors().stream().filter(p -> p.email() != null)
                .map(p -> new AccessSignal.Told(p.personId(), p.email(), null)).toList()).orElse(List.of());
        if (told.isEmpty()) {
            log.warn("{} of {} was refused {} times by {}; the agency has no supervisor with an email to "
                    + "tell", signal.user().personId(), signal.user().agencyId(), signal.refusals(),
                    signal.service());
        }
        FollowUp tell = followUps.pending(TELL);
        try {
            mongo.insert(new AccessSignal(event.id(), signal, agency.map(a -> a.name()).orElse(null), told,
                    List.of(tell)));
        } catch (DuplicateKeyException e) {
            return; // delivered again: taken in already, and told (or being told)
        }
        followUps.runNow(event.id(), tell);
    }

    /** The follow-up: an email to each person not yet told, audited as a disclosure before it goes. */
    @Bean
    static FollowUpHandler tellAgencyOfRefusals(MongoTemplate mongo, EmailChannel email, AuditLog audit,
                                                Clock clock) {
        return FollowUpHandler.of(TELL, AccessSignal.class, eventId -> {
            var stored = mongo.findById(eventId, AccessSignal.class);
            var s = stored.signal();
            String who = s.user().personId() + " (" + s.role().toLowerCase() + ", "
                    + Objects.requireNonNullElse(stored.agencyName(), s.user().agencyId()) + ")";
            String subject = "[orderwatch] " + s.user().personId() + " was refused access " + s.refusals()
                    + " times";
            String text = "orderwatch's " + s.service() + " service refused " + who + " access " + s.refusals()
                    + " times between " + AlertContent.when(s.firstAt()) + " and " + AlertContent.when(s.lastAt())
                    + ": "
                    + "requests for records that do not exist or are not theirs, or that their role may not use.\n\n"
                    + "That can be someone looking for another agency's cases, or one of your systems set up wrongly. "
                    + "orderwatch's administrators can show you each request: the " + s.service() + " audit log, "
                    + "action REFUSE, person " + s.user().personId() + ". If you did not expect it, find out why.\n";
            for (var person : stored.told()) {
                if (person.sentAt() != null) {
                    continue;
                }
                audit.disclose(null, "EMAIL", AccessSignal.AUDIT_RESOURCE, eventId, person.personId(),
                        s.user().agencyId());
                try {
                    email.notice(person.email(), subject, "Dear colleague,\n\n" + text, eventId + "."
                            + person.personId());
                } catch (Channel.PermanentFailure e) {
                    log.warn("The signal {} could not be sent to {}: {}", eventId, person.personId(), e.getMessage());
                }
                mongo.updateFirst(query(where("_id").is(eventId).and("told.personId").is(person.personId())),
                        new Update().set("told.$.sentAt", clock.instant()), AccessSignal.class);
            }
        });
    }
}
