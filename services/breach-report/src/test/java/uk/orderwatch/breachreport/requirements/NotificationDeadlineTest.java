package uk.orderwatch.breachreport.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Within the period of 3 days beginning with the date of service" (Stalking Protection Act 2019 s.9(1)): the date of
 * service is day 1, counted in the court's time zone, so the period ends at the end of the third day, whatever the
 * hour of service and across a change of the clocks.
 */
class NotificationDeadlineTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "served {0} (London) -> due by {1} (London)")
    @CsvSource({
            // a Monday in winter (GMT): due by the end of Wednesday, whatever the hour
            "2026-11-23T00:00, 2026-11-26T00:00",
            "2026-11-23T09:15, 2026-11-26T00:00",
            "2026-11-23T23:30, 2026-11-26T00:00",
            // summer time (BST): the London date counts, not the UTC one (23:30 BST is 22:30Z the same day)
            "2026-07-06T23:30, 2026-07-09T00:00",
            // 00:30 BST is still the previous day in UTC: the London date of service is the one that counts
            "2026-07-07T00:30, 2026-07-10T00:00",
            // served the day before the clocks go forward (29 March 2026): three calendar days, 71 hours
            "2026-03-28T10:00, 2026-03-31T00:00",
            // and before they go back (25 October 2026): three calendar days, 73 hours
            "2026-10-24T10:00, 2026-10-27T00:00"})
    void theThirdDayCountingTheDateOfServiceEndsThePeriod(LocalDateTime servedLondon, LocalDateTime dueLondon) {
        Instant servedAt = servedLondon.atZone(LONDON).toInstant();

        assertThat(NotificationRequirementService.dueAt(servedAt)).isEqualTo(dueLondon.atZone(LONDON).toInstant());
    }

    @ParameterizedTest(name = "served {0} (London)")
    @CsvSource({"2026-11-23T23:30", "2026-07-06T23:59"})
    void anOrderServedLateInTheDayIsNotGivenAFourthDay(LocalDateTime servedLondon) {
        Instant servedAt = servedLondon.atZone(LONDON).toInstant();

        assertThat(NotificationRequirementService.dueAt(servedAt))
                .as("72 hours after service would be almost a day late").isBefore(servedAt.plusSeconds(72 * 3600 - 3600));
    }

    @ParameterizedTest(name = "changed on {0} -> due by {1} (London)")
    @CsvSource({
        "2026-11-23, 2026-11-26T00:00",
        // the clocks go back on 25 October 2026 and forward on 29 March 2026: days, not 72 hours
        "2026-10-24, 2026-10-27T00:00",
        "2026-03-28, 2026-03-31T00:00"})
    void aChangeIsDueByTheEndOfTheThirdDayCountingTheDayOfTheChange(java.time.LocalDate changedOn,
                                                                    LocalDateTime dueLondon) {
        assertThat(NotificationRequirementService.dueAt(changedOn)).isEqualTo(dueLondon.atZone(LONDON).toInstant());
    }
}
