package uk.orderwatch.notification.duty;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;

/**
 * Shifts read from an iCalendar file (RFC 5545) as a rostering system exports them: each VEVENT is a shift, its
 * recurrences written out within a window; who works it is named by its attendees' email addresses or by its
 * summary. Times without a zone are wall-clock times in England and Wales; an all-day event is the whole day.
 */
public final class RotaCalendar {

    private RotaCalendar() {
    }

    /** One shift: the event's UID, its summary and attendees' addresses, when it starts and ends. */
    public record Shift(String uid, String summary, List<String> attendees, Instant start, Instant end) {
    }

    /** The file does not parse as iCalendar. */
    public static final class NotICalendar extends RuntimeException {
        NotICalendar(String message) {
            super(message);
        }
    }

    /** The shifts of {@code ics} that overlap {@code from} to {@code to}, recurrences included. */
    public static List<Shift> shifts(String ics, Instant from, Instant to) {
        net.fortuna.ical4j.model.Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new NotICalendar(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        List<Shift> shifts = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String uid = event.getUid().map(u -> u.getValue()).orElse("");
            String summary = event.getSummary() == null ? "" : event.getSummary().getValue().trim();
            List<String> attendees = event.<Attendee>getProperties(Property.ATTENDEE).stream()
                    .map(a -> a.getCalAddress().getSchemeSpecificPart().trim()).toList();
            for (Period<Temporal> p : event.<Temporal>calculateRecurrenceSet(window(event, from, to))) {
                shifts.add(new Shift(uid, summary, attendees, instant(p.getStart()), instant(p.getEnd())));
            }
        }
        return shifts;
    }

    /** The window in the kind of time the event is given in: zoned, floating (wall clock) or whole days. */
    private static Period<? extends Temporal> window(VEvent event, Instant from, Instant to) {
        Temporal start = event.getStartDate().map(d -> (Temporal) d.getDate()).orElse(null);
        if (start instanceof LocalDateTime) {
            return new Period<>(LocalDateTime.ofInstant(from, Rota.ZONE), LocalDateTime.ofInstant(to, Rota.ZONE));
        }
        if (start instanceof LocalDate) {
            return new Period<>(LocalDate.ofInstant(from, Rota.ZONE), LocalDate.ofInstant(to, Rota.ZONE).plusDays(1));
        }
        return new Period<>(from.atZone(Rota.ZONE), to.atZone(Rota.ZONE));
    }

    private static Instant instant(Temporal t) {
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(Rota.ZONE).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(Rota.ZONE).toInstant();
        }
        return Instant.from(t);
    }
}
