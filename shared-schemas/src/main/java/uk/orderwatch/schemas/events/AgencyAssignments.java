package uk.orderwatch.schemas.events;

/**
 * Who manages an order in each agency: the police force and officer in charge, the probation delivery unit and
 * practitioner, the advocacy service and caseworker. Probation and advocacy may be absent.
 */
public record AgencyAssignments(Assignment police, Assignment probation, Assignment advocacy) {
}
