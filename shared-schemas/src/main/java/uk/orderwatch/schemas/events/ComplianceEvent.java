package uk.orderwatch.schemas.events;

/**
 * Every compliance event names its order (at the version it was checked against), the subject and the order's
 * agency assignments, so it can be routed without another lookup.
 */
public interface ComplianceEvent {

    String orderId();

    long orderVersion();

    SubjectSummary subject();

    AgencyAssignments agencies();
}
