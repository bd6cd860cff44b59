package uk.orderwatch.support.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.orderwatch.support.security.SecurityConfiguration;

/**
 * Audits every refusal of a signed-in user: 403 (the role may not) and 404 (no such record, or one that is not
 * theirs, which the user cannot tell apart and the audit log can), so probing another agency's ids leaves a trace.
 * It runs in the security chain around the access decision and the controllers, after the token is read; the
 * answer is already written, so a refusal that cannot be audited is logged, not turned into another answer. One
 * user refused again and again is signalled to their agency ({@link RefusalWatch}).
 */
public final class RefusalAudit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);

    private final AuditLog audit;
    private final RefusalWatch watch;

    public RefusalAudit(AuditLog audit, RefusalWatch watch) {
        this.audit = audit;
        this.watch = watch;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            int status = response.getStatus();
            if ((status == 403 || status == 404)
                    && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken t) {
                try {
                    var caller = SecurityConfiguration.caller(t);
                    audit.refused(caller, request.getMethod() + " " + request.getRequestURI(), status);
                    watch.refused(caller);
                } catch (RuntimeException e) {
                    log.error("A refusal could not be audited: {}", e.toString());
                }
            }
        }
    }
}
