package uk.orderwatch.schemas.events;

/** A programme the subject must attend: its name, provider and number of sessions. */
public record Programme(String name, String provider, int sessions) {
}
