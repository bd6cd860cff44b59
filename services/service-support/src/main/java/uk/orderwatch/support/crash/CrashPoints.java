package uk.orderwatch.support.crash;

import java.util.Collection;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named points where a process can die between two steps of a write path (ADR 11), so that a test can stop a
 * service at exactly one of them instead of hoping a random kill lands there. The fault-injection suite starts a
 * service with {@code orderwatch.crash-at} naming a point ({@code outbox.after-write}) or a point at one place
 * ({@code outbox.after-write:breaches}); the first time the process passes it, it halts as a SIGKILL would: no
 * shutdown hooks, no finally blocks, nothing flushed. Outside that suite nothing is armed and passing a point costs
 * one check of an empty set.
 */
public final class CrashPoints {

    /** After a document and its outbox events were written, before they are published. */
    public static final String AFTER_WRITE = "outbox.after-write";
    /** After the broker acknowledged an event, before it is removed from its document's outbox. */
    public static final String AFTER_SEND = "outbox.after-send";
    /** After a write that left a follow-up pending, before the follow-up is done. */
    public static final String BEFORE_FOLLOW_UP = "follow-up.before";
    /** After a consumer handled a record, before its offset is committed. */
    public static final String AFTER_CONSUME = "consumer.after-handle";
    /** After an alert's delivery was claimed, before anything is sent. */
    public static final String AFTER_DELIVERY_CLAIM = "delivery.after-claim";
    /** After a channel accepted a message, before its outcome is recorded. */
    public static final String AFTER_DELIVERY_SEND = "delivery.after-send";

    private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);
    private static volatile Set<String> armed = Set.of();

    private CrashPoints() {
    }

    /** Arms the points the settings name; called once when the service starts. */
    public static void arm(Collection<String> points) {
        armed = Set.copyOf(points);
        if (!armed.isEmpty()) {
            log.warn("Crash points armed (fault-injection suite only): {}", armed);
        }
    }

    /** Halts the process here if {@code point}, or {@code point:place}, is armed. */
    public static void reach(String point, String place) {
        Set<String> now = armed;
        if (!now.isEmpty() && (now.contains(point) || now.contains(point + ":" + place))) {
            log.error("Crash point {}:{} reached: halting", point, place);
            Runtime.getRuntime().halt(137);
        }
    }
}
