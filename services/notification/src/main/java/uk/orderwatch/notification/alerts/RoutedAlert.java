package uk.orderwatch.notification.alerts;

import uk.orderwatch.schemas.events.Recipient;
import uk.orderwatch.schemas.events.Severity;

/** One alert the routing decided on: who gets it and how urgent it is. */
public record RoutedAlert(Recipient recipient, Severity priority) {
}
