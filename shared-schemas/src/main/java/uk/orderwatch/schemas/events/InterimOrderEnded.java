package uk.orderwatch.schemas.events;

import java.time.LocalDate;

/**
 * {@code order.interim-ended}: an interim SPO ended without a full order, because the court refused the full order
 * or the police withdrew the application ({@code order.status} says which). A full order that replaces it is
 * {@code order.superseded} instead.
 *
 * @param decidedOn the day the court refused the order or the application was withdrawn
 */
public record InterimOrderEnded(OrderSnapshot order, LocalDate decidedOn, Actor endedBy) implements OrderEvent {
}
