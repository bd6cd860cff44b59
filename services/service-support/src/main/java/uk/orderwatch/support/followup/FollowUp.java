package uk.orderwatch.support.followup;

import java.time.Instant;

/**
 * A consequence of a stored change that is done after the write, in a step of its own (the enforcement review a
 * breach may call for, the alert an escalation raises). It is recorded in the changed document by the same write that
 * stores the change, so a crash between the two leaves it pending rather than forgotten (ADR 11): {@link FollowUps}
 * does it right after the write and, for any still pending, again later.
 *
 * @param kind names the {@link FollowUpHandler} that does it
 * @param at   when the write recorded it
 */
public record FollowUp(String kind, Instant at) {

    /** The field of a document that holds its pending follow-ups. */
    public static final String FIELD = "followUps";
}
