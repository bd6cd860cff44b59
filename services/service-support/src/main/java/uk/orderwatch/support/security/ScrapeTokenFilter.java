package uk.orderwatch.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Prometheus read {@code /actuator/prometheus} with the scrape token ({@code orderwatch.metrics.scrape-token}),
 * a bearer secret of its own rather than a person's token: a request to that path carrying it is the metrics
 * scraper (role {@value #ROLE}), and its Authorization header is not read as a JWT. Any other token on any other path
 * goes on to the JWT check as before.
 */
public class ScrapeTokenFilter extends OncePerRequestFilter {

    public static final String PATH = "/actuator/prometheus";
    public static final String ROLE = "METRICS";

    private final byte[] token;

    /** @param scrapeToken the secret; null: nobody but an ADMIN reads the metrics */
    public ScrapeTokenFilter(String scrapeToken) {
        this.token = scrapeToken == null ? null : ("Bearer " + scrapeToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (token == null || presented == null || !PATH.equals(request.getRequestURI())
                || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        var scraper = UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(scraper);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(new WithoutAuthorization(request), response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The request as the JWT check sees it: without the scrape token, which is not a JWT. */
    private static final class WithoutAuthorization extends HttpServletRequestWrapper {
        WithoutAuthorization(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }
    }
}
