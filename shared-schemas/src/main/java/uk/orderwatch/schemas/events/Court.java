package uk.orderwatch.schemas.events;

/** The court that made an order: its name and court code. */
public record Court(String name, String code) {
}
