package uk.orderwatch.schemas.events;

/** Every order life-cycle event carries the whole order as it is after the change. */
public interface OrderEvent {

    OrderSnapshot order();
}
