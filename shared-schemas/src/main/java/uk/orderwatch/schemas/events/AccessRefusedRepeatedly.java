package uk.orderwatch.schemas.events;

import java.time.Instant;

/**
 * {@code access.refused-repeatedly}: one service refused one user (403, or 404 for a record that does not exist or
 * is not theirs) {@code refusals} times within {@code windowMinutes}, as someone probing other agencies' ids would
 * be. Which records they asked for stays in that service's audit log (action REFUSE); the event says whom to look
 * at, so their agency can be told.
 *
 * @param service the service that refused them
 * @param role    the user's role when refused
 */
public record AccessRefusedRepeatedly(String service, Actor user, String role, int refusals, int windowMinutes,
                                      Instant firstAt, Instant lastAt) {
}
