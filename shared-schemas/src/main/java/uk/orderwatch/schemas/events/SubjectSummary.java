package uk.orderwatch.schemas.events;

/**
 * What other services may know of the subject (the person the order is against): a display name and police /
 * probation identifiers. The subject's address and date of birth stay in order-registry.
 */
public record SubjectSummary(String displayName, String pncId, String crn) {
}
