package uk.orderwatch.breachreport.orders;

/**
 * A breach or an unacceptable absence of {@code order} was just stored: published (in-process) by the service that
 * stored it, so the enforcement review is checked without the recording features depending on enforcement.
 */
public record NonComplianceRecorded(KnownOrder order) {
}
