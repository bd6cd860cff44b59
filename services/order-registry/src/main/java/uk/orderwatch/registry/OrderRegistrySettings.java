package uk.orderwatch.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.orderwatch.support.config.Settings;

/**
 * order-registry's settings ({@code orderwatch.*}), defaults in its application.yml, checked at start.
 *
 * @param expiryCheckInterval how often the expiry timer looks for orders past their end date
 */
@ConfigurationProperties("orderwatch")
public record OrderRegistrySettings(Duration expiryCheckInterval) {

    public OrderRegistrySettings {
        Settings.positive("orderwatch.expiry-check-interval", expiryCheckInterval);
    }
}
