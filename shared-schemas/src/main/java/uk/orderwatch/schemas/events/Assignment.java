package uk.orderwatch.schemas.events;

/**
 * An agency assigned to an order and the named person there who manages it; {@code personId} null when the agency is
 * involved but has named nobody yet (probation or advocacy): whoever it has on duty takes its alerts.
 */
public record Assignment(String agencyId, String personId) {
}
