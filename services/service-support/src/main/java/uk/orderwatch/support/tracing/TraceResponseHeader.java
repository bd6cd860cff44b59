package uk.orderwatch.support.tracing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with the {@code traceparent} of its span, so a caller (and the person reporting a problem)
 * holds the id of the trace that follows their request through the outbox and Kafka to each alert (ADR 23). Runs
 * inside the server observation, which continues a caller's own {@code traceparent} when it sent one.
 */
public class TraceResponseHeader extends OncePerRequestFilter {

    private final Traces traces;

    public TraceResponseHeader(Traces traces) {
        this.traces = traces;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceparent = traces.current();
        if (traceparent != null) {
            response.setHeader(Traces.TRACEPARENT, traceparent);
        }
        chain.doFilter(request, response);
    }
}
