package uk.orderwatch.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens of the demo users from the stack's identity server, fetched again before they expire (5 min). */
public final class StackTokens {

    private static final Duration FRESH_FOR = Duration.ofMinutes(4);

    private record Token(String value, long fetchedAt) {
    }

    private final String issuer;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public StackTokens(String issuer) {
        this.issuer = issuer;
    }

    /** The user's current access token. */
    public String token(String user) {
        return tokens.compute(user, (u, t) -> t != null && System.nanoTime() - t.fetchedAt() < FRESH_FOR.toNanos()
                ? t : new Token(OidcLogin.accessToken(issuer, u), System.nanoTime())).value();
    }

    /** Forgets the user's token (after a 401), so the next call signs in again. */
    public void forget(String user) {
        tokens.remove(user);
    }
}
