package uk.orderwatch.support.tracing;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each finished span to the log, one line each (logger {@code uk.orderwatch.trace}): where no trace collector
 * runs (the local stack), a report's trace is read with {@code grep <trace id>} over the services' logs (README,
 * follow one report's trace). Set by {@code orderwatch.tracing.log-spans}.
 */
public class LoggedSpans extends SpanHandler {

    private static final Logger log = LoggerFactory.getLogger("uk.orderwatch.trace");

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
        if (cause == Cause.FINISHED && log.isInfoEnabled()) {
            long micros = span.finishTimestamp() - span.startTimestamp();
            StringBuilder tags = new StringBuilder();
            span.forEachTag((builder, key, value) -> builder.append(' ').append(key).append('=').append(value), tags);
            log.info("span trace={} id={} parent={} {}{} {} ms{}{}", context.traceIdString(), context.spanIdString(),
                    context.parentIdString() == null ? "-" : context.parentIdString(),
                    span.kind() == null ? "" : span.kind().name().toLowerCase(java.util.Locale.ROOT) + " ",
                    span.name(), String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0), tags,
                    span.error() == null ? "" : " error=" + span.error());
        }
        return true;
    }
}
