package uk.orderwatch.breachreport.timers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.orderwatch.breachreport.attendance.UnrecordedSessions;
import uk.orderwatch.breachreport.requirements.NotificationRequirementService;

/**
 * The deadlines that watch themselves: sessions with no outcome after their grace period, and notification
 * requirements past their 3 days. The deadlines are data on the documents; every instance runs this, and each
 * deadline is claimed by a conditional update, so each fires once.
 */
@Component
public class ComplianceTimers {

    private static final Logger log = LoggerFactory.getLogger(ComplianceTimers.class);

    private final UnrecordedSessions sessions;
    private final NotificationRequirementService requirements;

    public ComplianceTimers(UnrecordedSessions sessions, NotificationRequirementService requirements) {
        this.sessions = sessions;
        this.requirements = requirements;
    }

    @Scheduled(fixedDelayString = "${orderwatch.timers.interval}", initialDelayString = "5s")
    public void run() {
        try {
            int unrecorded = sessions.raiseUnrecorded();
            int overdue = requirements.raiseOverdue();
            if (unrecorded + overdue > 0) {
                log.info("Deadlines passed: {} unrecorded session(s), {} overdue notification requirement(s)",
                        unrecorded, overdue);
            }
        } catch (RuntimeException e) {
            log.warn("Compliance timers failed, will run again: {}", e.toString());
        }
    }
}
