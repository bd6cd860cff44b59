package uk.orderwatch.support.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature was verified, so a user's next request with the same token is not checked with
 * RSA again (the largest single cost of a request). The cache is keyed by the whole token text, so only the very same
 * bytes are trusted; every use still runs the validators (expiry, issuer, audience, claims), so an expired token is
 * refused however it was verified before. Bounded: when full, it starts again empty.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int maxEntries;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maxEntries) {
        this.verifier = verifier;
        this.validator = validator;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null && !validator.validate(known).hasErrors()) {
            return known;
        }
        verified.remove(token);
        Jwt jwt = verifier.decode(token); // verifies the signature and validates; throws when either fails
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }
}
