package uk.orderwatch.support.security;

import java.util.Arrays;
import uk.orderwatch.schemas.events.Actor;
import uk.orderwatch.support.web.Problem;

/**
 * The authenticated user of a request, from the claims of their access token: never from the request body. Controller
 * methods take it as a parameter.
 *
 * @param personId   the {@code person_id} claim: the user's id in the agency directory
 * @param agencyId   the {@code agency_id} claim: the force, probation delivery unit, advocacy service (or the
 *                   administrators' own organisation for ADMIN)
 * @param supervisor the {@code supervisor} claim: sees the alerts of everyone in their agency
 */
public record Caller(String personId, String agencyId, Role role, boolean supervisor) {

    /** Who the caller is across agencies: a person id is unique within its agency only. */
    public String id() {
        return agencyId + "/" + personId;
    }

    /** The user as events and histories record them. */
    public Actor actor() {
        return new Actor(personId, agencyId);
    }

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /**
     * Refuses (403) a role that may never use an endpoint. The answer depends on the role alone, never on a record,
     * so it discloses nothing; a record the user may not see answers 404 instead.
     */
    public Caller require(Role... roles) {
        if (!is(roles)) {
            throw Problem.forbidden(role + " may not do this");
        }
        return this;
    }
}
