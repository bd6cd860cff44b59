package uk.orderwatch.localstack;

/** The three orderwatch services, each with its default port and the option that changes it. */
public enum ServiceName {
    ORDER_REGISTRY("order-registry", 8081),
    BREACH_REPORT("breach-report", 8082),
    NOTIFICATION("notification", 8083);

    private final String id;
    private final int defaultPort;

    ServiceName(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
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
