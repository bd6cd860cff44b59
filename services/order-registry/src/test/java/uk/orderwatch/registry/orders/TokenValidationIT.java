package uk.orderwatch.registry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.orderwatch.testsupport.TestTokens;

/** A token is accepted only with a trusted RS256 signature, unexpired, from the issuer, for orderwatch, with claims. */
class TokenValidationIT extends OrderRegistryITBase {

    static TestTokens.Claims police() {
        return TestTokens.claims("POLICE", "demo-police", "demo-oic", false);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("signed by another key", (Function<TestTokens.Claims, String>) c ->
                        c.sign(TestTokens.rsa().getPrivate())),
                Arguments.of("alg none", (Function<TestTokens.Claims, String>) TestTokens.Claims::unsigned),
                Arguments.of("expired", (Function<TestTokens.Claims, String>) c ->
                        c.expiresAt(Instant.now().minusSeconds(120)).sign()),
                Arguments.of("without expiry", (Function<TestTokens.Claims, String>) c -> c.expiresAt(null).sign()),
                Arguments.of("wrong issuer", (Function<TestTokens.Claims, String>) c ->
                        c.issuer("https://attacker.example").sign()),
                Arguments.of("wrong audience", (Function<TestTokens.Claims, String>) c ->
                        c.audience("another-api").sign()),
                Arguments.of("unknown role", (Function<TestTokens.Claims, String>) c -> c.set("role", "ROOT").sign()),
                Arguments.of("no agency", (Function<TestTokens.Claims, String>) c -> c.set("agency_id", null).sign()),
                Arguments.of("garbage", (Function<TestTokens.Claims, String>) c -> "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0} -> 401")
    @MethodSource("refused")
    void aTokenThatFailsAnyCheckIsRefusedWith401(String why, Function<TestTokens.Claims, String> token)
            throws Exception {
        var response = get("/orders/expiring", token.apply(police()));

        assertThat(response.statusCode()).as(why).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(response.body()).contains("urn:orderwatch:problem:unauthenticated").doesNotContain("Exception");
    }

    @Test
    void theSameClaimsProperlySignedAreAccepted() throws Exception {
        assertThat(get("/orders/expiring", police().sign()).statusCode()).isEqualTo(200);
    }
}
