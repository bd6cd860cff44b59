package uk.orderwatch.localstack;

/**
 * The processes of the stack: the identity server, the three orderwatch services and the portal, each with its
 * module, default port and the option that changes it.
 */
public enum ServiceName {
    IDENTITY_SERVER("identity-server", "infra/identity-server", 9000),
    ORDER_REGISTRY("order-registry", "services/order-registry", 8081),
    BREACH_REPORT("breach-report", "services/breach-report", 8082),
    NOTIFICATION("notification", "services/notification", 8083),
    PORTAL("portal", "services/portal", 8080);

    private final String id;
    private final String module;
    private final int defaultPort;

    ServiceName(String id, String module, int defaultPort) {
        this.id = id;
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** The Maven module that builds it, relative to the repository root. */
    public String module() {
        return module;
    }

    public String id() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String portOption() {
        return "--" + id + "-port";
    }
}
