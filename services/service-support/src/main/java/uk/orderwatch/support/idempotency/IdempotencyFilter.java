package uk.orderwatch.support.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.support.web.ProblemResponse;

/**
 * The {@code Idempotency-Key} request header on every POST and PUT, with the semantics of the IETF HTTP API draft
 * (ADR 11). The key is scoped to the caller. The first request with a key is handled and its answer stored; a retry
 * with the same key and the same request gets that answer again; with another request, 422; while the first is still
 * being handled, 409 with Retry-After. Only a success is kept. A refusal (4xx) changed nothing, so it frees the key:
 * the client may correct the request and send it again with the same key (a form re-sent after its errors). A
 * failure (5xx) may have changed something, so the key stays bound to the request but is released at once for a
 * retry. If the first attempt's answer could not be stored (the process died, the database went away), a retry
 * after {@code orderwatch.idempotency.lease} is handled again, and the handlers recognise what the first attempt did
 * through {@link IdempotentRequest}.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Where the keys and answers are kept. */
    public static final Class<?> STORE = StoredAnswer.class;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> METHODS = Set.of("POST", "PUT");
    private static final int MAX_KEY_LENGTH = 255;

    private final Function<Authentication, String> callers;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final Duration keepFor;
    private final JsonMapper json;

    /**
     * @param callers who a request's caller is, the scope of its keys; null for an anonymous request (a public
     *                path such as Notify's callback has no caller to scope a key to, so its keys are ignored)
     */
    public IdempotencyFilter(MongoTemplate mongo, Clock clock, Duration lease, Duration keepFor, JsonMapper json,
                             Function<Authentication, String> callers) {
        this.callers = callers;
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
        this.keepFor = keepFor;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String callerId = caller == null ? null : callers.apply(caller);
        if (key == null || !METHODS.contains(request.getMethod()) || callerId == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!wellFormed(key)) {
            problem(response, HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, e.g. a UUID.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String id = digest(callerId + "\n" + key);
        String fingerprint = digest(request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                + new String(body, StandardCharsets.UTF_8));
        Instant taken;
        try {
            taken = begin(id, fingerprint, response);
            if (taken == null) {
                return;
            }
        } catch (DataAccessException e) {
            log.warn("Idempotency-Key store unavailable: {}", e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problem(response, HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Try again shortly",
                    "Nothing was changed: the service's database did not answer. Send the request again with the "
                            + "same Idempotency-Key.");
            return;
        }
        request.setAttribute(IdempotentRequest.ATTRIBUTE, new IdempotentRequest(id, fingerprint));
        var answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBody(request, body), answer);
        } catch (IOException | ServletException | RuntimeException e) {
            release(id, taken);
            throw e;
        }
        store(id, taken, answer);
        answer.copyBodyToResponse();
    }

    /**
     * Takes the key for this attempt, or answers the request from what is stored; answers when it took the key (the
     * attempt's mark of ownership), or null when the request was answered here.
     */
    private Instant begin(String id, String fingerprint, HttpServletResponse response) throws IOException {
        Instant now = clock.instant();
        for (int tries = 0; tries < 3; tries++) {
            StoredAnswer stored = mongo.findById(id, StoredAnswer.class);
            if (stored == null) {
                try {
                    mongo.insert(new StoredAnswer(id, fingerprint, now, now.plus(keepFor), false, 0, null, null,
                            null));
                    return now;
                } catch (DuplicateKeyException e) {
                    continue; // another attempt with the key began at the same moment
                }
            }
            if (!stored.fingerprint().equals(fingerprint)) {
                problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Idempotency-Key used for another request", "This key was used for a different request; "
                                + "nothing was changed. Use a new key for a new request.");
                return null;
            }
            if (stored.answered()) {
                replay(stored, response);
                return null;
            }
            if (stored.startedAt().plus(lease).isAfter(now)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(response, HttpStatus.CONFLICT, "idempotency-key-in-use", "Request still being handled",
                        "The first request with this Idempotency-Key is still being handled. Send it again in a "
                                + "moment for its answer.");
                return null;
            }
            // the attempt that took the key died or lost its answer: this one takes over
            if (mongo.updateFirst(query(where("_id").is(id).and("startedAt").is(stored.startedAt())
                    .and("answered").is(false)), new Update().set("startedAt", now), StoredAnswer.class)
                    .getModifiedCount() == 1) {
                return now;
            }
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problem(response, HttpStatus.CONFLICT, "idempotency-key-in-use", "Request still being handled",
                "Another request with this Idempotency-Key is being handled. Send it again in a moment.");
        return null;
    }

    /**
     * Stores a success for the retries (whichever attempt made it: the change happened); frees the key after a
     * refusal and releases it after a failure, if this attempt still holds it (a later one may have taken over).
     */
    private void store(String id, Instant taken, ContentCachingResponseWrapper answer) {
        int status = answer.getStatus();
        try {
            if (status / 100 == 4) {
                mongo.remove(query(where("_id").is(id).and("answered").is(false).and("startedAt").is(taken)),
                        StoredAnswer.class);
            } else if (status / 100 == 2) {
                mongo.updateFirst(query(where("_id").is(id)), new Update().set("answered", true).set("status", status)
                        .set("contentType", answer.getContentType())
                        .set("location", answer.getHeader(HttpHeaders.LOCATION))
                        .set("body", answer.getContentAsByteArray()), StoredAnswer.class);
            } else {
                release(id, taken);
            }
        } catch (DataAccessException e) {
            // the change (if any) is stored; a retry after the lease is handled again and recognises it
            log.warn("Could not store the answer of an idempotent request: {}", e.toString());
        }
    }

    /** The attempt ended without a final answer: the next one with the key is handled at once. */
    private void release(String id, Instant taken) {
        try {
            mongo.updateFirst(query(where("_id").is(id).and("answered").is(false).and("startedAt").is(taken)),
                    new Update().set("startedAt", Instant.EPOCH), StoredAnswer.class);
        } catch (DataAccessException e) {
            log.warn("Could not release an Idempotency-Key; a retry waits for its lease: {}", e.toString());
        }
    }

    private static void replay(StoredAnswer stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String code, String title, String detail)
            throws IOException {
        ProblemResponse.write(response, status, code, title, detail, json);
    }

    static boolean wellFormed(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once, served again to the handler. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
