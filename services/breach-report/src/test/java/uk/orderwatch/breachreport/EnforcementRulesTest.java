package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.orderwatch.breachreport.BreachReportSettings.Enforcement;
import uk.orderwatch.breachreport.BreachReportSettings.Enforcement.Rule;

/** A programme's own enforcement rule, where one is set, and the default otherwise. */
class EnforcementRulesTest {

    final Enforcement enforcement = new Enforcement(2, Duration.ofDays(365), Duration.ofDays(7), Map.of(
            "Stalking Perpetrator Programme", new Rule(3, Duration.ofDays(180)),
            "Drug Rehabilitation", new Rule(null, Duration.ofDays(90))));

    @Test
    void aProgrammeIsHeldToItsOwnThresholdAndWindowAndOthersToTheDefault() {
        assertThat(enforcement.ruleFor("Stalking Perpetrator Programme"))
                .isEqualTo(new Rule(3, Duration.ofDays(180)));
        assertThat(enforcement.ruleFor("Drug Rehabilitation")).isEqualTo(new Rule(2, Duration.ofDays(90)));
        assertThat(enforcement.ruleFor("Anger Management")).isEqualTo(new Rule(2, Duration.ofDays(365)));
        assertThat(enforcement.ruleFor(null)).isEqualTo(new Rule(2, Duration.ofDays(365)));
    }

    @Test
    void aThresholdOrWindowThatIsNotPositiveIsRefusedAtStart() {
        assertThatThrownBy(() -> new Enforcement(0, Duration.ofDays(1), Duration.ofDays(1), null))
                .hasMessageContaining("orderwatch.enforcement.threshold");
        assertThatThrownBy(() -> new Enforcement(2, Duration.ZERO, Duration.ofDays(1), null))
                .hasMessageContaining("orderwatch.enforcement.window");
    }
}
