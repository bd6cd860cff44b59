package uk.orderwatch.portal.api;

/** The three orderwatch services the portal calls, and what a user is told when one does not answer. */
public enum Service {
    ORDER_REGISTRY("orders"),
    BREACH_REPORT("breach reports, sessions and compliance"),
    NOTIFICATION("alerts");

    private final String serves;

    Service(String serves) {
        this.serves = serves;
    }

    /** What the service holds, in the user's words. */
    public String serves() {
        return serves;
    }
}
