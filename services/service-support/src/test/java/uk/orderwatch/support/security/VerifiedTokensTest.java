package uk.orderwatch.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);

    /** Stands in for the RSA check: counts itself, knows one good token, refuses the rest, validates expiry. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").claim("sub", "x").issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(300)).build();
        var result = timestamps.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("expired", result.getErrors());
        }
        return jwt;
    };

    private VerifiedTokens tokens(int max) {
        timestamps.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        return new VerifiedTokens(verifier, timestamps, max);
    }

    @Test
    void theSameTokenIsVerifiedOnce() {
        var tokens = tokens(10);
        assertThat(tokens.decode("good-1").getTokenValue()).isEqualTo("good-1");
        assertThat(tokens.decode("good-1").getTokenValue()).isEqualTo("good-1");
        assertThat(verifications).hasValue(1);
        tokens.decode("good-2");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverRemembered() {
        var tokens = tokens(10);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        var tokens = tokens(10);
        tokens.decode("good-1");
        timestamps.setClock(Clock.fixed(NOW.plusSeconds(301), ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void itHoldsNoMoreThanItsBound() {
        var tokens = tokens(2);
        tokens.decode("good-1");
        tokens.decode("good-2");
        tokens.decode("good-3"); // full: starts again with this one
        tokens.decode("good-1");
        assertThat(verifications).hasValue(4);
    }
}
