package uk.orderwatch.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * W3C trace context across the places orderwatch hands work on where no request or thread carries it (ADR 23): the
 * outbox (an event keeps the {@code traceparent} of the request that caused it), Kafka (each record carries it in a
 * header), a stored alert (its deliveries and escalations continue the trace of the report that raised it).
 */
public class Traces {

    /** The W3C header (and Kafka record header) that carries a trace context. */
    public static final String TRACEPARENT = uk.orderwatch.schemas.CloudEvent.HEADER_TRACEPARENT;
    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing: spans that are never recorded (tests that build a component by hand). */
    public static Traces none() {
        return new Traces(Tracer.NOOP, Propagator.NOOP);
    }

    /** The {@code traceparent} of the span in scope on this thread; null outside any. */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return valid(carrier.get(TRACEPARENT));
    }

    /**
     * Runs {@code work} in a new span named {@code name}, a child of {@code traceparent} (a stored or received
     * context), or of the span in scope when there is none; the span ends with the work, marked with its error.
     * {@code kind}: null for work within this process.
     */
    public <T> T within(String name, String traceparent, Span.Kind kind, Map<String, String> tags, Supplier<T> work) {
        Span span = start(name, traceparent, kind);
        tags.forEach(span::tag);
        try (var ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /** As {@link #within(String, String, Span.Kind, Map, Supplier)}, for work that answers nothing. */
    public void within(String name, String traceparent, Span.Kind kind, Map<String, String> tags, Runnable work) {
        within(name, traceparent, kind, tags, () -> {
            work.run();
            return null;
        });
    }

    private Span start(String name, String traceparent, Span.Kind kind) {
        Span.Builder builder = valid(traceparent) == null ? null
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        if (builder == null) {
            Span current = tracer.currentSpan();
            Span span = current == null ? tracer.nextSpan() : tracer.nextSpan(current);
            return span.name(name).start();
        }
        return (kind == null ? builder : builder.kind(kind)).name(name).start();
    }

    /** The trace id of a {@code traceparent} (its 32 hex digits); null for none or a malformed one. */
    public static String traceId(String traceparent) {
        return valid(traceparent) == null ? null : traceparent.substring(3, 35);
    }

    /** {@code traceparent} when it is a version-00 W3C trace context, otherwise null (never trust a header). */
    static String valid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches() ? traceparent : null;
    }
}
