package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * A programme the subject must attend: its name, provider, number of sessions and, once known, their schedule.
 *
 * @param schedule null until the provider has set the sessions
 */
public record Programme(String name, String provider, int sessions, Schedule schedule) {

    /** Sessions every {@code intervalDays} days from {@code firstSessionAt}, each {@code durationMinutes} long. */
    public record Schedule(Instant firstSessionAt, int intervalDays, int durationMinutes) {
    }
}
