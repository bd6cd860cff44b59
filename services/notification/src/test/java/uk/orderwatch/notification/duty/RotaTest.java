package uk.orderwatch.notification.duty;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is on duty: turns on the wall clock across both clock changes of 2026, hours of the week, covers, gaps. */
class RotaTest {

    static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    static final List<DayOfWeek> EVERY_DAY = List.of(DayOfWeek.values());

    static Rota.Layer daily(String name, LocalDateTime handover, List<Rota.Hours> hours, String... members) {
        return new Rota.Layer(name, List.of(members), handover, Duration.ofHours(24), hours);
    }

    static String onDuty(Rota rota, String instant) {
        return rota.onDutyAt(Instant.parse(instant)).map(Rota.OnDuty::personId).orElse(null);
    }

    @Test
    void dailyTurnsHandOverAtTheSameWallClockTimeOnBothSidesOfTheSpringClockChange() {
        // clocks go forward at 01:00 UTC on Sunday 29 March 2026: 08:00 that day is 07:00 UTC
        var rota = new Rota("Duty officers", List.of(daily("all day", LocalDateTime.of(2026, 3, 23, 8, 0),
                List.of(), "ann", "ben")), List.of());

        assertThat(onDuty(rota, "2026-03-28T07:59:00Z")).isEqualTo("ann"); // Sat 07:59 GMT: turn 4
        assertThat(onDuty(rota, "2026-03-28T08:00:00Z")).isEqualTo("ben"); // Sat 08:00 GMT: turn 5
        assertThat(onDuty(rota, "2026-03-29T06:59:00Z")).isEqualTo("ben"); // Sun 07:59 BST
        assertThat(onDuty(rota, "2026-03-29T07:00:00Z")).isEqualTo("ann"); // Sun 08:00 BST: turn 6
    }

    @Test
    void dailyTurnsHandOverAtTheSameWallClockTimeOnBothSidesOfTheAutumnClockChange() {
        // clocks go back at 01:00 UTC on Sunday 25 October 2026: 08:00 on the Saturday is 07:00 UTC, on Sunday 08:00
        var rota = new Rota("Duty officers", List.of(daily("all day", LocalDateTime.of(2026, 10, 19, 8, 0),
                List.of(), "ann", "ben")), List.of());

        assertThat(onDuty(rota, "2026-10-24T06:59:00Z")).isEqualTo("ann"); // Sat 07:59 BST: turn 4
        assertThat(onDuty(rota, "2026-10-24T07:00:00Z")).isEqualTo("ben"); // Sat 08:00 BST: turn 5
        assertThat(onDuty(rota, "2026-10-25T07:59:00Z")).isEqualTo("ben"); // Sun 07:59 GMT: 25 hours later
        assertThat(onDuty(rota, "2026-10-25T08:00:00Z")).isEqualTo("ann"); // Sun 08:00 GMT: turn 6
    }

    @Test
    void theFirstLayerWhoseHoursIncludeTheMomentDecidesAndOvernightHoursRunPastMidnight() {
        var monday = LocalDateTime.of(2026, 11, 23, 8, 0);
        var office = daily("office hours", monday, List.of(new Rota.Hours(WEEKDAYS, LocalTime.of(8, 0),
                LocalTime.of(18, 0))), "office-1");
        var outOfHours = new Rota.Layer("out of hours", List.of("night-1", "night-2"), monday,
                Duration.ofDays(7), List.of(new Rota.Hours(WEEKDAYS, LocalTime.of(18, 0), LocalTime.of(8, 0)),
                new Rota.Hours(List.of(SATURDAY, SUNDAY), LocalTime.of(8, 0), LocalTime.of(8, 0))));
        var rota = new Rota("Probation duty", List.of(office, outOfHours), List.of());

        assertThat(onDuty(rota, "2026-11-24T10:00:00Z")).isEqualTo("office-1"); // Tue 10:00
        assertThat(onDuty(rota, "2026-11-24T18:00:00Z")).isEqualTo("night-1"); // Tue 18:00
        assertThat(onDuty(rota, "2026-11-28T07:59:00Z")).isEqualTo("night-1"); // Sat 07:59, Friday's night
        assertThat(onDuty(rota, "2026-11-29T03:00:00Z")).isEqualTo("night-1"); // Sun 03:00
        assertThat(onDuty(rota, "2026-11-30T07:59:00Z")).isEqualTo("night-1"); // Mon 07:59, Sunday's whole day
        assertThat(onDuty(rota, "2026-11-30T08:00:00Z")).isEqualTo("office-1"); // Mon 08:00
        assertThat(onDuty(rota, "2026-12-01T02:00:00Z")).isEqualTo("night-2"); // Tue 02:00: the second week
        assertThat(rota.uncoveredHours()).isEmpty();
    }

    @Test
    void aCoverForOneMemberTakesOnlyTheirTurnsAndACoverForTheRotaTakesEveryThingWhileItLasts() {
        var rota = new Rota("Duty officers", List.of(daily("all day", LocalDateTime.of(2026, 11, 23, 8, 0),
                List.of(), "ann", "ben")), List.of(
                new Rota.Cover("leave", "cal", "ann", Instant.parse("2026-11-23T00:00:00Z"),
                        Instant.parse("2026-11-30T00:00:00Z"), Rota.CoverReason.LEAVE, "sup",
                        Instant.parse("2026-11-20T09:00:00Z")),
                new Rota.Cover("swap", "dee", null, Instant.parse("2026-11-27T12:00:00Z"),
                        Instant.parse("2026-11-27T14:00:00Z"), Rota.CoverReason.SWAP, "sup",
                        Instant.parse("2026-11-21T09:00:00Z"))));

        assertThat(onDuty(rota, "2026-11-23T09:00:00Z")).isEqualTo("cal"); // ann's turn, ann on leave
        assertThat(onDuty(rota, "2026-11-24T09:00:00Z")).isEqualTo("ben"); // ben's turn: not covered
        assertThat(rota.onDutyAt(Instant.parse("2026-11-25T09:00:00Z"))).contains(
                new Rota.OnDuty("cal", "all day", "leave"));
        assertThat(onDuty(rota, "2026-11-27T13:00:00Z")).isEqualTo("dee"); // the whole rota, for two hours
        assertThat(onDuty(rota, "2026-11-27T14:00:00Z")).isEqualTo("cal"); // ann's turn again, still on leave
        assertThat(onDuty(rota, "2026-11-30T09:00:00Z")).isEqualTo("ben"); // back to the rotation, ben's turn
        assertThat(onDuty(rota, "2026-12-01T09:00:00Z")).isEqualTo("ann"); // ann is back
    }

    @Test
    void theHoursNobodyCoversAreNamedAsAPersonReadsThem() {
        var office = new Rota("Office", List.of(daily("office hours", LocalDateTime.of(2026, 11, 23, 8, 0),
                List.of(new Rota.Hours(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(18, 0))), "office-1")), List.of());

        assertThat(onDuty(office, "2026-11-28T10:00:00Z")).isNull();
        assertThat(office.uncoveredHours()).containsExactly("Mon 18:00 to Tue 08:00", "Tue 18:00 to Wed 08:00",
                "Wed 18:00 to Thu 08:00", "Thu 18:00 to Fri 08:00", "Fri 18:00 to Mon 08:00");

        var nights = new Rota("Nights", List.of(daily("nights", LocalDateTime.of(2026, 11, 23, 20, 0),
                List.of(new Rota.Hours(EVERY_DAY, LocalTime.of(20, 0), LocalTime.of(6, 0))), "n")), List.of());
        assertThat(nights.uncoveredHours()).hasSize(7).first().isEqualTo("Mon 06:00 to Mon 20:00");

        var always = new Rota("Always", List.of(daily("all", LocalDateTime.of(2026, 11, 23, 8, 0), List.of(),
                "a")), List.of());
        assertThat(always.uncoveredHours()).isEmpty();
    }
}
