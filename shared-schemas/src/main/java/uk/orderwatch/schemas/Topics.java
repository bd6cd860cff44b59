package uk.orderwatch.schemas;

import java.util.List;

/**
 * The one registry of Kafka topic names. Each topic has exactly one producing service (single writer) and carries
 * one kind of record; topics are named for what they carry. Every record is a CloudEvents structured-mode envelope
 * keyed by the id of what it is about: the order id, or on {@link #DIRECTORY} the agency id.
 */
public final class Topics {

    /** Written by order-registry: the life cycle of granted orders. */
    public static final String ORDERS = "orderwatch.orders";
    /** Written by breach-report: breaches, programme attendance and deadlines. */
    public static final String COMPLIANCE = "orderwatch.compliance";
    /** Written by notification: alerts raised, delivered, acknowledged, escalated, failed. */
    public static final String ALERTS = "orderwatch.alerts";
    /**
     * Written by notification: the agency directory ({@code agency.recorded}, keyed by the agency id). A topic of its
     * own, so order-registry reads the directory without reading every alert (ADR 8).
     */
    public static final String DIRECTORY = "orderwatch.directory";

    /** Consumer groups, one per consuming service; a group's dead letters go to {@link #deadLetter}. */
    public static final String GROUP_ORDER_REGISTRY = "order-registry";
    public static final String GROUP_BREACH_REPORT = "breach-report";
    public static final String GROUP_NOTIFICATION = "notification";

    /**
     * Written by each service about itself, one topic per service so each keeps a single writer: signals that one
     * user was refused access repeatedly ({@code access.refused-repeatedly}, keyed by the user's agency id).
     * notification reads all three and tells the agency.
     */
    public static final String ACCESS_ORDER_REGISTRY = "orderwatch.access.order-registry";
    public static final String ACCESS_BREACH_REPORT = "orderwatch.access.breach-report";
    public static final String ACCESS_NOTIFICATION = "orderwatch.access.notification";

    /** Every event topic, in the order the stack creates them. */
    public static final List<String> EVENT_TOPICS = List.of(ORDERS, COMPLIANCE, ALERTS, DIRECTORY,
            ACCESS_ORDER_REGISTRY, ACCESS_BREACH_REPORT, ACCESS_NOTIFICATION);

    /** Which (topic, group) pairs consume, so the stack can create their dead-letter topics up front. */
    public static final List<String[]> SUBSCRIPTIONS = List.of(
            new String[] {ORDERS, GROUP_BREACH_REPORT},
            new String[] {ORDERS, GROUP_NOTIFICATION},
            new String[] {COMPLIANCE, GROUP_NOTIFICATION},
            new String[] {DIRECTORY, GROUP_ORDER_REGISTRY},
            new String[] {ACCESS_ORDER_REGISTRY, GROUP_NOTIFICATION},
            new String[] {ACCESS_BREACH_REPORT, GROUP_NOTIFICATION},
            new String[] {ACCESS_NOTIFICATION, GROUP_NOTIFICATION});

    /**
     * Which (topic, service) pairs every instance of the service reads for itself, each in a consumer group of its
     * own ({@link #instanceGroup}) starting at the end of the topic: what one instance must hear of what another did
     * (notification: a new alert for a live stream held by this instance, an agency changed through another one). A
     * record missed there is not lost (the alert is stored, the agency is read again), so they have no dead letters.
     */
    public static final List<String[]> INSTANCE_SUBSCRIPTIONS = List.of(
            new String[] {ALERTS, GROUP_NOTIFICATION},
            new String[] {DIRECTORY, GROUP_NOTIFICATION});

    /** The services, each a Kafka principal of the same name and the consumer group of its bindings. */
    public static final List<String> SERVICES = List.of(GROUP_ORDER_REGISTRY, GROUP_BREACH_REPORT, GROUP_NOTIFICATION);

    /** The one service that writes each event topic: the single-writer rule, which the broker's ACLs enforce. */
    public static final java.util.Map<String, String> WRITERS = java.util.Map.of(
            ORDERS, GROUP_ORDER_REGISTRY,
            COMPLIANCE, GROUP_BREACH_REPORT,
            ALERTS, GROUP_NOTIFICATION,
            DIRECTORY, GROUP_NOTIFICATION,
            ACCESS_ORDER_REGISTRY, GROUP_ORDER_REGISTRY,
            ACCESS_BREACH_REPORT, GROUP_BREACH_REPORT,
            ACCESS_NOTIFICATION, GROUP_NOTIFICATION);

    private Topics() {
    }

    /**
     * What {@code service} may write: the event topics it is the writer of, and the dead-letter topics of its own
     * subscriptions (the binder puts there what it could not process).
     */
    public static List<String> writtenBy(String service) {
        var topics = new java.util.ArrayList<String>();
        WRITERS.forEach((topic, writer) -> {
            if (writer.equals(service)) {
                topics.add(topic);
            }
        });
        topics.addAll(deadLettersOf(service));
        return List.copyOf(topics);
    }

    /**
     * What {@code service} may read: the topics it consumes, as a service or per instance, and its own dead-letter
     * topics (to show them).
     */
    public static List<String> readBy(String service) {
        var topics = new java.util.ArrayList<String>();
        SUBSCRIPTIONS.stream().filter(s -> s[1].equals(service)).forEach(s -> topics.add(s[0]));
        INSTANCE_SUBSCRIPTIONS.stream().filter(s -> s[1].equals(service) && !topics.contains(s[0]))
                .forEach(s -> topics.add(s[0]));
        topics.addAll(deadLettersOf(service));
        return List.copyOf(topics);
    }

    private static List<String> deadLettersOf(String service) {
        return SUBSCRIPTIONS.stream().filter(s -> s[1].equals(service)).map(s -> deadLetter(s[0], s[1])).toList();
    }

    /**
     * The consumer group of one instance of {@code service}: named after the service (its ACLs allow the groups whose
     * names start with it) and {@code instance}, which is new at each start.
     */
    public static String instanceGroup(String service, String instance) {
        return service + ".instance." + instance;
    }

    /** The topic where {@code service} signals refusals of access ({@link #ACCESS_ORDER_REGISTRY} and others). */
    public static String access(String service) {
        return "orderwatch.access." + service;
    }

    /** The dead-letter topic for records that {@code group} could not process from {@code topic}. */
    public static String deadLetter(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    /** Every topic the system needs: event topics and the dead-letter topic of each subscription. */
    public static List<String> allTopics() {
        var all = new java.util.ArrayList<>(EVENT_TOPICS);
        SUBSCRIPTIONS.forEach(s -> all.add(deadLetter(s[0], s[1])));
        return List.copyOf(all);
    }
}
