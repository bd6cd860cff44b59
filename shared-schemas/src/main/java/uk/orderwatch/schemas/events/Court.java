package uk.orderwatch.schemas.events;

import java.time.ZoneId;

/** The court that made an order: its name and court code. */
public record Court(String name, String code) {

    /**
     * Courts in England and Wales: an order's dates (made on, ends on, discharged on) are days in this time zone.
     * The one definition every service uses.
     */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
}
