package uk.orderwatch.schemas.events;

/** A condition forbids something (prohibition) or requires something (requirement). */
public enum ConditionKind {
    PROHIBITION,
    REQUIREMENT
}
