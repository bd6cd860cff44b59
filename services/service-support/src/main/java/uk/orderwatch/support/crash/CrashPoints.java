package uk.orderwatch.support.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named points where a process can die between two steps of a write path (ADR 11), so that a test can stop a
 * service at exactly one of them instead of hoping a random kill lands there. The fault-injection suite starts every
 * service with {@code orderwatch.crash-points-file} naming a file, and arms a point by writing a line
 * {@code <service> <point>} ({@code outbox.after-write}) or {@code <service> <point>:<place>}
 * ({@code outbox.after-write:breaches}) to it; the first time the service passes that point, it halts as a SIGKILL
 * would: no shutdown hooks, no finally blocks, nothing flushed. The file is read every 50 ms, so the service is armed
 * while it runs, with no restart. Outside that suite there is no file, nothing is armed and passing a point costs one
 * check of an empty set.
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
    private static final Duration READ_EVERY = Duration.ofMillis(50);
    private static volatile Set<String> armed = Set.of();

    private CrashPoints() {
    }

    /**
     * Arms the points {@code file} names for {@code service}, now and whenever it changes; nothing when there is no
     * file setting (everywhere but the fault-injection suite). Called once when the service starts.
     */
    public static void watch(Path file, String service) {
        if (file == null) {
            return;
        }
        read(file, service);
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(READ_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                read(file, service);
            }
        }, "crash-points");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void read(Path file, String service) {
        Set<String> points;
        try {
            points = !Files.exists(file) ? Set.of() : Files.readAllLines(file).stream().map(String::trim)
                    .filter(l -> l.startsWith(service + " ")).map(l -> l.substring(service.length()).trim())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            return; // being written: read again in a moment
        }
        if (!points.equals(armed)) {
            armed = points;
            log.warn("Crash points armed (fault-injection suite only): {}", points);
        }
    }

    /** The points armed now. */
    static Set<String> armed() {
        return armed;
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
