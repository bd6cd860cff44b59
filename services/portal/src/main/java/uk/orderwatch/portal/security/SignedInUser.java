package uk.orderwatch.portal.security;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, from the identity server's ID token: used to greet them and to show the pages of their role.
 * It grants nothing: every page shows what the services answer to the user's own access token.
 */
public record SignedInUser(String name, String role, String agencyId, String personId, boolean supervisor) {

    public static SignedInUser of(OidcUser user) {
        Boolean supervisor = user.getClaimAsBoolean("supervisor");
        return new SignedInUser(user.getClaimAsString("name"), user.getClaimAsString("role"),
                user.getClaimAsString("agency_id"), user.getClaimAsString("person_id"),
                Boolean.TRUE.equals(supervisor));
    }

    public boolean police() {
        return "POLICE".equals(role);
    }

    public boolean probation() {
        return "PROBATION".equals(role);
    }

    public boolean advocate() {
        return "ADVOCATE".equals(role);
    }

    public boolean admin() {
        return "ADMIN".equals(role);
    }

    /** Police, probation and advocates work cases and receive alerts; ADMIN does neither. */
    public boolean caseworker() {
        return police() || probation() || advocate();
    }
}
