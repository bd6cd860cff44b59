package uk.orderwatch.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * 429 with Retry-After when a signed-in user sends writes, or reads, faster than their {@link RateLimiter}
 * allows, or when one address sends writes to a public path (Notify's callback) faster than the anonymous limit.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimiter users;
    private final RateLimiter readers;
    private final RateLimiter addresses;
    private final JsonMapper json;

    RateLimitFilter(RateLimiter users, RateLimiter readers, RateLimiter addresses, JsonMapper json) {
        this.users = users;
        this.readers = readers;
        this.addresses = addresses;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean write = WRITES.contains(request.getMethod());
        Optional<Duration> wait = Optional.empty();
        if (authentication instanceof JwtAuthenticationToken token) {
            String caller = SecurityConfiguration.caller(token).id();
            wait = write ? users.acquire(caller) : readers.acquire(caller);
        } else if (write) {
            // only public paths reach this filter without a user token: the rest were refused before it
            wait = addresses.acquire(request.getRemoteAddr());
        }
        if (wait.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            SecurityProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "Too many requests in a short time; nothing was done. Try again after Retry-After seconds.",
                    json);
            return;
        }
        chain.doFilter(request, response);
    }
}
