package uk.orderwatch.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.orderwatch.schemas.events.Court;

/**
 * Dates and times as the pages show them ({@code ${@fmt.dateTime(alert.raisedAt)}}): in the Design System's style
 * ("29 November 2026", "29 November 2026 at 2:05pm") and in the court's time zone, whatever the server's.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    /** An ISO date ("2026-11-29") or instant as a UK date; empty for nothing. */
    public String date(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.length() == 10 ? DATE.format(LocalDate.parse(s)) : DATE.format(Instant.parse(s).atZone(Court.ZONE));
    }

    /** An ISO instant as a UK date and time of day ("29 November 2026 at 2:05pm"). */
    public String dateTime(Object value) {
        if (value == null) {
            return "";
        }
        var at = Instant.parse(value.toString()).atZone(Court.ZONE);
        return DATE.format(at) + " at " + TIME.format(at).toLowerCase(Locale.UK);
    }

    /**
     * A deadline as people say it: one at midnight (UK time) is "the end of" the day before it ("the end of 25
     * November 2026"), not "26 November 2026 at 12:00am"; any other as a date and time.
     */
    public String deadline(Object value) {
        if (value == null) {
            return "";
        }
        var at = Instant.parse(value.toString()).atZone(Court.ZONE);
        if (at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return "the end of " + DATE.format(at.minusDays(1));
        }
        return dateTime(value);
    }

    /** An ISO instant as a machine-readable value for a {@code <time datetime>} attribute. */
    public String iso(Object value) {
        return value == null ? "" : value.toString();
    }
}
