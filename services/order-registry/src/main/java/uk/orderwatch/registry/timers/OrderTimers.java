package uk.orderwatch.registry.timers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.orderwatch.registry.orders.OrderExpiry;
import uk.orderwatch.registry.orders.OrderRegistration;

/**
 * The timers of the order life cycle, kept as data on the orders (their {@code expiresAt}) and run on every
 * instance: each expiry is claimed by a compare-and-set, so no order is expired twice.
 */
@Component
public class OrderTimers {

    private static final Logger log = LoggerFactory.getLogger(OrderTimers.class);

    private final OrderExpiry expiry;
    private final OrderRegistration registration;

    public OrderTimers(OrderExpiry expiry, OrderRegistration registration) {
        this.expiry = expiry;
        this.registration = registration;
    }

    @Scheduled(fixedDelayString = "${orderwatch.timers.interval}", initialDelayString = "5s")
    public void run() {
        try {
            int expired = expiry.expireDue();
            if (expired > 0) {
                log.info("Expired {} order(s) past their end date", expired);
            }
            registration.completePendingSupersessions();
        } catch (RuntimeException e) {
            log.warn("Order timers failed, will run again: {}", e.toString());
        }
    }
}
