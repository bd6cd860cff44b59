package uk.orderwatch.schemas.events;

/** The person an alert is for, in which agency and role. */
public record Recipient(String personId, String agencyId, RecipientRole role) {
}
