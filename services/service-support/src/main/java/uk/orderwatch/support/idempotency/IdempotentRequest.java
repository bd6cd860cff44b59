package uk.orderwatch.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The request being handled, when it came with an {@code Idempotency-Key} (ADR 11): its key scoped to the caller
 * ({@code id}) and a digest of what it asked for. {@link IdempotencyFilter} answers a retry whose first answer was
 * stored; for a retry whose first answer was lost (a crash, the database gone as it was being stored) the handlers
 * recognise their own earlier work: a record the request creates takes its id from the key ({@link #newId}), and a
 * change records the request's id with itself ({@link #currentId}), so the retry finds it and answers it as done.
 */
public record IdempotentRequest(String id, String fingerprint) {

    static final String ATTRIBUTE = IdempotentRequest.class.getName();

    /** The current request's, if it carries an Idempotency-Key. */
    public static Optional<IdempotentRequest> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return Optional.ofNullable(attributes == null ? null
                : (IdempotentRequest) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** The current request's id, or null without an Idempotency-Key: recorded with the change it makes. */
    public static String currentId() {
        return current().map(IdempotentRequest::id).orElse(null);
    }

    /** Whether {@code recordedId}, recorded with an earlier change, is the current request's: a retry of it. */
    public static boolean isCurrent(String recordedId) {
        return recordedId != null && recordedId.equals(currentId());
    }

    /**
     * The id of a record of {@code kind} that the current request creates: derived from its key, so that a retry
     * finds the record the first attempt created; a random one without a key.
     */
    public static String newId(String kind) {
        return current().map(r -> UUID.nameUUIDFromBytes((kind + "|" + r.id()).getBytes(StandardCharsets.UTF_8))
                .toString()).orElseGet(() -> UUID.randomUUID().toString());
    }
}
