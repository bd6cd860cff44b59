package uk.orderwatch.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads are limited per user as writes are, and writes without a user token (Notify's callback, the only public
 * write) per calling address.
 */
class RateLimitFilterTest {

    final Clock still = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    final RateLimitFilter filter = new RateLimitFilter(new RateLimiter(30, 5, still),
            new RateLimiter(2, 1, still), new RateLimiter(3, 1, still), JsonMapper.builder().build());

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    int post(String address) throws Exception {
        var request = new MockHttpServletRequest("POST", "/callbacks/notify");
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void oneAddressFloodingAPublicPathIsToldToWaitAndAnotherIsNot() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("198.51.100.7")).isEqualTo(200);
        }

        assertThat(post("198.51.100.7")).isEqualTo(429);
        assertThat(post("203.0.113.9")).isEqualTo(200);
    }

    int get(String agency, String person) throws Exception {
        var jwt = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "RS256")
                .claim(Claims.PERSON, person).claim(Claims.AGENCY, agency).claim(Claims.ROLE, "POLICE").build();
        SecurityContextHolder.getContext().setAuthentication(SecurityConfiguration.authentication(jwt));
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/orders/x"), response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void aUserReadingFasterThanTheirAllowanceIsToldToWaitAndANamesakeInAnotherAgencyIsNot() throws Exception {
        assertThat(get("other-police", "prober")).isEqualTo(200);
        assertThat(get("other-police", "prober")).isEqualTo(200);

        assertThat(get("other-police", "prober")).isEqualTo(429);
        assertThat(get("demo-police", "prober")).isEqualTo(200);
    }
}
