package uk.orderwatch.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.orderwatch.support.config.Settings;

/**
 * order-registry's settings ({@code orderwatch.*}), defaults in its application.yml, checked at start.
 *
 * @param timers how often the timers run (expiry; supersessions a crash interrupted)
 */
@ConfigurationProperties("orderwatch")
public record OrderRegistrySettings(Settings.Timers timers) {

    public OrderRegistrySettings {
        Settings.require("orderwatch.timers", timers);
    }
}
