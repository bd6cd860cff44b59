package uk.orderwatch.breachreport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.orderwatch.support.config.Settings;

/**
 * breach-report's settings ({@code orderwatch.*}), defaults in its application.yml, checked at start.
 *
 * @param unrecordedGrace      a session with no outcome this long after its end raises {@code session.unrecorded}
 * @param enforcementThreshold breaches plus unacceptable absences of one order that call for an enforcement review
 * @param timers               how often the deadlines are checked
 */
@ConfigurationProperties("orderwatch")
public record BreachReportSettings(Duration unrecordedGrace, int enforcementThreshold,
                                   Settings.Timers timers) {

    public BreachReportSettings {
        Settings.positive("orderwatch.unrecorded-grace", unrecordedGrace);
        Settings.positive("orderwatch.enforcement-threshold", enforcementThreshold);
        Settings.require("orderwatch.timers", timers);
    }
}
