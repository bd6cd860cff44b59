package uk.orderwatch.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.orderwatch.notification.channels.Channel;
import uk.orderwatch.notification.channels.EmailChannel;
import uk.orderwatch.notification.channels.SmsChannel;
import uk.orderwatch.notification.directory.DirectoryChange;
import uk.orderwatch.notification.directory.DirectoryChanges;
import uk.orderwatch.notification.directory.DirectoryService;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.followup.FollowUpHandler;

/**
 * Carries out an approved {@link DirectoryChange}: the agency takes it, then each old and new contact is told by
 * email or SMS, saying who proposed and who approved it. A follow-up of the approval (ADR 11), so a crash in between
 * leaves it to be done again: the agency takes the change once (it is locked for the change until then), and each
 * notice is marked sent, so only those that did not go are sent again (with the same Message-ID).
 */
@Component
public class DirectoryChangeNotices {

    static final String CLOSING = "If you did not expect this, tell your supervisor or orderwatch's administrators at "
            + "once: until it is put right, alerts go where the change says.";

    private final EmailChannel email;
    private final SmsChannel sms;

    public DirectoryChangeNotices(EmailChannel email, SmsChannel sms) {
        this.email = email;
        this.sms = sms;
    }

    /**
     * Sends one notice.
     *
     * @throws Channel.PermanentFailure when it cannot go: the address is refused for good, or there is no SMS
     *                                  provider
     */
    void send(DirectoryChange change, DirectoryChange.Notice notice) {
        String by = "Proposed by " + change.proposedBy().personId() + " (" + change.proposedBy().agencyId()
                + "), approved by " + change.decidedBy().personId() + " (" + change.decidedBy().agencyId() + ").";
        if (notice.channel() == DirectoryChange.Channel.SMS) {
            if (!sms.enabled()) {
                throw new Channel.PermanentFailure("no SMS provider is set up");
            }
            sms.notice(notice.address(), notice.text() + " " + by, notice.noticeId());
        } else {
            email.notice(notice.address(), notice.subject(), notice.text() + "\n" + by + "\n\n" + CLOSING + "\n",
                    notice.noticeId());
        }
    }

    @Bean
    static FollowUpHandler applyDirectoryChange(MongoTemplate mongo, DirectoryService directory,
                                                DirectoryChangeNotices notices, AuditLog audit, Clock clock) {
        return FollowUpHandler.of(DirectoryChanges.APPLY, DirectoryChange.class, changeId -> {
            var change = mongo.findById(changeId, DirectoryChange.class);
            var agency = directory.find(change.agencyId()).orElseThrow();
            if (changeId.equals(agency.pendingChangeId()) && agency.version() == change.baseVersion()) {
                directory.store(change.agencyId(), change.proposed(), agency);
            }
            for (var notice : change.notices()) {
                if (notice.done()) {
                    continue;
                }
                audit.disclose(null, notice.channel().name(), DirectoryChange.AUDIT_RESOURCE, changeId,
                        notice.personId(), change.agencyId());
                Update update;
                try {
                    notices.send(change, notice);
                    update = new Update().set("notices.$.sentAt", clock.instant());
                } catch (Channel.PermanentFailure e) {
                    update = new Update().set("notices.$.failure", e.getMessage());
                }
                mongo.updateFirst(query(where("_id").is(changeId).and("notices.noticeId").is(notice.noticeId())),
                        update, DirectoryChange.class);
            }
        });
    }
}
