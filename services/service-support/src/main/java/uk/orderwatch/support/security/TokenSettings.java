package uk.orderwatch.support.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks access tokens ({@code orderwatch.security.*}).
 *
 * @param issuer     the {@code iss} every token must carry (the identity server's issuer)
 * @param audience   the {@code aud} every token must include
 * @param jwkSetUri  where the identity server publishes its signing keys; by default {@code issuer/oauth2/jwks}
 * @param publicKey  instead of a key set: one RSA public key, base64 X.509 (tests sign their own tokens)
 * @param clockSkew  tolerated difference between the identity server's clock and this one
 */
@ConfigurationProperties("orderwatch.security")
public record TokenSettings(String issuer, String audience, String jwkSetUri, String publicKey, Duration clockSkew) {

    public TokenSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("orderwatch.security.issuer (ORDERWATCH_ISSUER) must be set: the "
                    + "identity provider whose tokens this service trusts (the demo profile sets http://localhost:9000)");
        }
        audience = audience == null || audience.isBlank() ? "orderwatch" : audience;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? issuer + "/oauth2/jwks" : jwkSetUri;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }
}
