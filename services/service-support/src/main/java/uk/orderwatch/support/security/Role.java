package uk.orderwatch.support.security;

import uk.orderwatch.schemas.events.AgencyKind;

/**
 * What a user does, carried in the {@code role} claim of their access token. Police, probation and advocates work on
 * cases; ADMIN manages the agency directory, dead letters and reads audit logs, and sees no case data.
 */
public enum Role {
    POLICE(AgencyKind.POLICE),
    PROBATION(AgencyKind.PROBATION),
    ADVOCATE(AgencyKind.ADVOCACY),
    ADMIN(null);

    private final AgencyKind agencyKind;

    Role(AgencyKind agencyKind) {
        this.agencyKind = agencyKind;
    }

    /** The kind of agency a user of this role works for; null for ADMIN. */
    public AgencyKind agencyKind() {
        return agencyKind;
    }
}
