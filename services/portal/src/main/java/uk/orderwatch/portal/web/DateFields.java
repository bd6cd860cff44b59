package uk.orderwatch.portal.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.orderwatch.schemas.events.Court;

/**
 * Dates and times as people type them in the Design System's date input (day, month, year) and a time field
 * ("14:30", "2:30pm"), read in the court's time zone. A part that cannot be read adds an error naming what to fix.
 */
public final class DateFields {

    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private DateFields() {
    }

    public static boolean blank(String day, String month, String year) {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /** The date, or null (with an error at {@code field}) when it is missing or not a real date. */
    public static LocalDate date(String day, String month, String year, String field, String what,
                                 FormErrors errors) {
        if (blank(day, month, year)) {
            errors.add(field, "Enter " + what);
            return null;
        }
        if (isBlank(day) || isBlank(month) || isBlank(year)) {
            errors.add(field, subject(what) + " must include a day, month and year");
            return null;
        }
        try {
            int y = Integer.parseInt(year.trim());
            if (y < 1900 || y > 2200) {
                errors.add(field, "Year must be 4 numbers, like 2026");
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (NumberFormatException | DateTimeException e) {
            errors.add(field, subject(what) + " must be a real date");
            return null;
        }
    }

    /** The time of day, or null (with an error) when it is missing or not a time. */
    public static LocalTime time(String value, String field, String what, FormErrors errors) {
        if (isBlank(value)) {
            errors.add(field, "Enter " + what + ", like 14:30");
            return null;
        }
        Matcher m = TIME.matcher(value);
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String half = m.group(3);
            if (half != null) {
                if (hour < 1 || hour > 12) {
                    hour = -1;
                } else {
                    hour = hour % 12 + (half.equalsIgnoreCase("pm") ? 12 : 0);
                }
            }
            if (hour >= 0 && hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        errors.add(field, subject(what) + " must be a real time, like 14:30");
        return null;
    }

    /** "the date it was served" as the subject of a sentence: "Date it was served". */
    private static String subject(String what) {
        String s = what.startsWith("the ") ? what.substring(4) : what;
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A date and time of day, UK time, as the instant the services record. */
    public static Instant instant(LocalDate date, LocalTime time) {
        return date == null || time == null ? null : date.atTime(time).atZone(Court.ZONE).toInstant();
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The trimmed value if one was given, for an optional query parameter. */
    public static java.util.Optional<String> given(String s) {
        return java.util.Optional.ofNullable(trimmed(s));
    }

    /** The trimmed value, or null when blank: the services take absent rather than empty. */
    public static String trimmed(String s) {
        return isBlank(s) ? null : s.trim();
    }
}
