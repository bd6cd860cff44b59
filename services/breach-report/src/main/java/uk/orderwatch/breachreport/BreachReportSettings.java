package uk.orderwatch.breachreport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.orderwatch.support.config.Settings;

/**
 * breach-report's settings ({@code orderwatch.*}), defaults in its application.yml, checked at start.
 *
 * @param unrecordedGrace      a session with no outcome this long after its end raises {@code session.unrecorded}
 * @param enforcement          when a person on probation's failures at a programme call for an enforcement review
 * @param timers               how often the deadlines are checked
 */
@ConfigurationProperties("orderwatch")
public record BreachReportSettings(Duration unrecordedGrace, Enforcement enforcement,
                                   Settings.Timers timers) {

    public BreachReportSettings {
        Settings.positive("orderwatch.unrecorded-grace", unrecordedGrace);
        Settings.require("orderwatch.enforcement", enforcement);
        Settings.require("orderwatch.timers", timers);
    }

    /**
     * HMPPS practice: unacceptable absences and behaviour at a programme within a rolling window; at the threshold
     * the practitioner decides on enforcement within {@code respondWithin}.
     *
     * @param programmes a programme's own threshold or window, by its name, where it differs
     */
    public record Enforcement(int threshold, Duration window, Duration respondWithin,
                              java.util.Map<String, Rule> programmes) {

        public Enforcement {
            Settings.positive("orderwatch.enforcement.threshold", threshold);
            Settings.positive("orderwatch.enforcement.window", window);
            Settings.positive("orderwatch.enforcement.respond-within", respondWithin);
            programmes = programmes == null ? java.util.Map.of() : java.util.Map.copyOf(programmes);
        }

        /** A programme's own threshold and window; either absent means the default. */
        public record Rule(Integer threshold, Duration window) {
        }

        /** The rule for a programme: its own where set, the default otherwise. */
        public Rule ruleFor(String programmeName) {
            Rule own = programmeName == null ? null : programmes.get(programmeName);
            return new Rule(own != null && own.threshold() != null ? own.threshold() : threshold,
                    own != null && own.window() != null ? own.window() : window);
        }
    }
}
