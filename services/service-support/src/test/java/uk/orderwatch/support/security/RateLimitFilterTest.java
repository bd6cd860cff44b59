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

/** Writes without a user token (Notify's callback, the only public write) are limited per calling address. */
class RateLimitFilterTest {

    final Clock still = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    final RateLimitFilter filter = new RateLimitFilter(new WriteRateLimiter(30, 5, still),
            new WriteRateLimiter(3, 1, still), JsonMapper.builder().build());

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
}
