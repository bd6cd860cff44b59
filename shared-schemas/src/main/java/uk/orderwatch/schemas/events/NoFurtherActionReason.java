package uk.orderwatch.schemas.events;

/** Why the police took no further action on a breach: a closed list, so no typed words travel. */
public enum NoFurtherActionReason {
    /** Not enough evidence to charge. */
    EVIDENTIAL_DIFFICULTIES,
    /** The subject had a reasonable excuse (the defence the law allows). */
    REASONABLE_EXCUSE,
    /** The person the order protects does not support further action. */
    VICTIM_DOES_NOT_SUPPORT_ACTION,
    /** Prosecution is not in the public interest. */
    NOT_IN_PUBLIC_INTEREST,
    /** It was not a breach of the order on investigation. */
    NOT_A_BREACH
}
