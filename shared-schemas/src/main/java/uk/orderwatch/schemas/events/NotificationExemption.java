package uk.orderwatch.schemas.events;

/**
 * Why a served SPO starts no notification-requirement clock of its own (Stalking Protection Act 2019 s.9).
 */
public enum NotificationExemption {
    /**
     * s.9(1)(a): a full SPO that replaces an interim SPO which was served, and so already imposed the requirement;
     * the interim order's requirement, met or still running, stands. Set by orderwatch, never by a client.
     */
    REPLACES_SERVED_INTERIM,
    /** s.9(5): the subject is already subject to the notification requirements of Sexual Offences Act 2003 Part 2. */
    SEXUAL_OFFENCES_ACT_2003_PART_2
}
