package uk.orderwatch.support.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a request made with an Idempotency-Key asked for and, once it was handled, the answer it got: a retry with the
 * same key is answered from here. Kept {@code orderwatch.idempotency.keep-for} (24 h) after the first attempt.
 *
 * @param id          the key, scoped to the caller (a digest: neither is stored as sent)
 * @param fingerprint a digest of the method, path and body; the same key with another request is refused
 * @param startedAt   when the attempt now handling it began; a later attempt waits until the lease runs out
 * @param answered    whether the answer below is there
 */
@Document(StoredAnswer.COLLECTION)
record StoredAnswer(@Id String id, String fingerprint, Instant startedAt, Instant expiresAt, boolean answered,
                    int status, String contentType, String location, byte[] body) {

    static final String COLLECTION = "idempotencyKeys";
}
