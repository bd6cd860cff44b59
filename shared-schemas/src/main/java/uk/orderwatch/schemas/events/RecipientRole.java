package uk.orderwatch.schemas.events;

/** The part a recipient plays for an order. */
public enum RecipientRole {
    OFFICER_IN_CHARGE,
    PROBATION_PRACTITIONER,
    ADVOCATE_CASEWORKER,
    /** Next in an agency's escalation chain (e.g. the force's duty inspector) for an alert nobody acknowledged. */
    ESCALATION_CONTACT,
    /** orderwatch's duty desk: receives what could not be routed to anyone assigned, so nothing is dropped. */
    DUTY_DESK
}
