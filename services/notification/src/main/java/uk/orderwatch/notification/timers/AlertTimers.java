package uk.orderwatch.notification.timers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.orderwatch.notification.alerts.Escalations;
import uk.orderwatch.notification.delivery.DeliveryService;

/**
 * The timers of alerts, stored on the alerts themselves: deliveries to retry and acknowledgement deadlines. Every
 * instance runs them; each alert is claimed by a compare-and-set before it is worked on.
 */
@Component
public class AlertTimers {

    private static final Logger log = LoggerFactory.getLogger(AlertTimers.class);

    private final DeliveryService deliveries;
    private final Escalations escalations;

    public AlertTimers(DeliveryService deliveries, Escalations escalations) {
        this.deliveries = deliveries;
        this.escalations = escalations;
    }

    @Scheduled(fixedDelayString = "${orderwatch.timers.interval}", initialDelayString = "5s")
    public void run() {
        try {
            deliveries.deliverDue();
            int escalated = escalations.escalateOverdue();
            if (escalated > 0) {
                log.info("Escalated {} unacknowledged alert(s)", escalated);
            }
        } catch (RuntimeException e) {
            log.warn("Alert timers failed, will run again: {}", e.toString());
        }
    }
}
