package uk.orderwatch.notification.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Shifts from a rostering system's iCalendar export: recurrences, zones, floating times, across a clock change. */
class RotaCalendarTest {

    static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rostering//EN\r\n" + String.join("", events)
                + "END:VCALENDAR\r\n";
    }

    static String event(String uid, String... lines) {
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\n" + String.join("\r\n", lines)
                + "\r\nEND:VEVENT\r\n";
    }

    @Test
    void aWeeklyNightShiftRecursOnTheWallClockAcrossTheSpringClockChange() {
        var shifts = RotaCalendar.shifts(calendar(event("nights@force",
                "DTSTART;TZID=Europe/London:20270322T200000", "DTEND;TZID=Europe/London:20270323T080000",
                "RRULE:FREQ=WEEKLY;COUNT=3", "SUMMARY:Night duty",
                "ATTENDEE;CN=Sgt Hale:mailto:omar.hale@police.test")),
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-05-01T00:00:00Z"));

        assertThat(shifts).extracting(RotaCalendar.Shift::start).containsExactly(
                Instant.parse("2027-03-22T20:00:00Z"), Instant.parse("2027-03-29T19:00:00Z"),
                Instant.parse("2027-04-05T19:00:00Z"));
        assertThat(shifts.get(1).end()).isEqualTo(Instant.parse("2027-03-30T07:00:00Z"));
        assertThat(shifts.get(0).attendees()).containsExactly("omar.hale@police.test");
        assertThat(shifts.get(0).summary()).isEqualTo("Night duty");
    }

    @Test
    void onlyShiftsOverlappingTheWindowAreTakenAndFloatingTimesAreLocal() {
        var shifts = RotaCalendar.shifts(calendar(
                event("past@x", "DTSTART:20261001T080000Z", "DTEND:20261001T200000Z", "SUMMARY:demo-sergeant"),
                event("floating@x", "DTSTART:20270701T080000", "DTEND:20270701T200000", "SUMMARY:demo-sergeant"),
                event("day@x", "DTSTART;VALUE=DATE:20270702", "DTEND;VALUE=DATE:20270703", "SUMMARY:demo-sergeant")),
                Instant.parse("2027-06-01T00:00:00Z"), Instant.parse("2027-08-01T00:00:00Z"));

        assertThat(shifts).extracting(RotaCalendar.Shift::uid).containsExactlyInAnyOrder("floating@x", "day@x");
        assertThat(shifts).filteredOn(s -> s.uid().equals("floating@x")).singleElement()
                .satisfies(s -> assertThat(s.start()).isEqualTo(Instant.parse("2027-07-01T07:00:00Z")));
        assertThat(shifts).filteredOn(s -> s.uid().equals("day@x")).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(Instant.parse("2027-07-02T23:00:00Z")));
    }

    @Test
    void aFileThatIsNotICalendarIsRefused() {
        assertThatThrownBy(() -> RotaCalendar.shifts("name,start,end\nDana,08:00,20:00", Instant.now(),
                Instant.now().plusSeconds(3600))).isInstanceOf(RotaCalendar.NotICalendar.class);
    }
}
