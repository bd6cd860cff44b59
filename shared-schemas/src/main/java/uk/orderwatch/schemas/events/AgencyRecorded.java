package uk.orderwatch.schemas.events;

import java.util.List;

/**
 * {@code agency.recorded}: the directory now holds this agency and these people (the whole agency, replacing what
 * was recorded before). Staff contact channels stay in notification.
 */
public record AgencyRecorded(String agencyId, AgencyKind kind, String name, long version, List<Member> people) {

    /** Someone in the agency who can be assigned to an order. */
    public record Member(String personId, String name, String jobTitle) {
    }
}
