package uk.orderwatch.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens for tests, signed (RS256) by a key made for this JVM, with the claims the orderwatch identity server
 * issues. {@link #serviceProperties()} tells a service under test to trust that key, issuer and audience.
 */
public final class TestTokens {

    public static final String ISSUER = "https://identity.orderwatch.test";
    public static final String AUDIENCE = "orderwatch";
    private static final KeyPair KEYS = rsa();

    private TestTokens() {
    }

    /** The settings that make a service accept these tokens (and not limit the rate of a test's writes). */
    public static Map<String, String> serviceProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("orderwatch.security.issuer", ISSUER);
        p.put("orderwatch.security.audience", AUDIENCE);
        p.put("orderwatch.security.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()));
        p.put("orderwatch.rate-limit.write-burst", "100000");
        p.put("orderwatch.rate-limit.writes-per-second", "100000");
        p.put("orderwatch.rate-limit.read-burst", "100000");
        p.put("orderwatch.rate-limit.reads-per-second", "100000");
        return p;
    }

    /** A fresh RSA key pair: signs tokens no service trusts. */
    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token for one user, for 15 minutes. */
    public static String token(String role, String agencyId, String personId, boolean supervisor) {
        return claims(role, agencyId, personId, supervisor).sign();
    }

    public static String token(String role, String agencyId, String personId) {
        return token(role, agencyId, personId, false);
    }

    /** The demo users of the demo agencies. */
    public static String police() {
        return token("POLICE", "demo-police", "demo-oic");
    }

    public static String probation() {
        return token("PROBATION", "demo-probation", "demo-practitioner");
    }

    public static String advocate() {
        return token("ADVOCATE", "demo-advocacy", "demo-caseworker");
    }

    public static String admin() {
        return token("ADMIN", "orderwatch-admin", "demo-admin");
    }

    /** The claims of a valid token, to change before signing (for tests of refused tokens). */
    public static Claims claims(String role, String agencyId, String personId, boolean supervisor) {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE)).subject(personId)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).claim("role", role)
                .claim("agency_id", agencyId).claim("person_id", personId).claim("supervisor", supervisor);
        return new Claims(builder);
    }

    /** A token's claims on their way to being signed. */
    public static final class Claims {
        private final JWTClaimsSet.Builder builder;

        private Claims(JWTClaimsSet.Builder builder) {
            this.builder = builder;
        }

        public Claims set(String name, Object value) {
            builder.claim(name, value);
            return this;
        }

        public Claims issuer(String issuer) {
            builder.issuer(issuer);
            return this;
        }

        public Claims audience(String audience) {
            builder.audience(audience);
            return this;
        }

        public Claims expiresAt(Instant at) {
            builder.expirationTime(at == null ? null : Date.from(at));
            return this;
        }

        /** Signed with the key the services trust. */
        public String sign() {
            return sign(KEYS.getPrivate());
        }

        public String sign(PrivateKey key) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
                        builder.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same claims unsigned, with {@code "alg": "none"}. */
        public String unsigned() {
            String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
            return header + "." + base64(builder.build().toString()) + ".";
        }

        private static String base64(String json) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
