package uk.orderwatch.schemas.events;

/**
 * Who manages an order in each agency: the police force and officer in charge, the probation delivery unit and
 * practitioner, the advocacy service and caseworker. Probation and advocacy may be absent.
 */
public record AgencyAssignments(Assignment police, Assignment probation, Assignment advocacy) {

    /** The assignment of one kind of agency; null when none of that kind is involved. */
    public Assignment of(AgencyKind kind) {
        return switch (kind) {
            case POLICE -> police;
            case PROBATION -> probation;
            case ADVOCACY -> advocacy;
        };
    }

    /** The same assignments with the one of {@code kind} replaced. */
    public AgencyAssignments with(AgencyKind kind, Assignment assignment) {
        return new AgencyAssignments(kind == AgencyKind.POLICE ? assignment : police,
                kind == AgencyKind.PROBATION ? assignment : probation,
                kind == AgencyKind.ADVOCACY ? assignment : advocacy);
    }
}
