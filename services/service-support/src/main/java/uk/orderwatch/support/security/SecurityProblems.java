package uk.orderwatch.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.support.web.ProblemResponse;

/**
 * 401 and 403 as problem details. The body never says why a token was refused (expired, wrong issuer...): that helps
 * an attacker more than a user; the {@code WWW-Authenticate} header carries the standard error code only.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Send a valid access token from the orderwatch identity server: Authorization: Bearer <token>", json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role may not do this", json);
    }

    static void write(HttpServletResponse response, HttpStatus status, String code, String title, String detail,
                      JsonMapper json) throws IOException {
        ProblemResponse.write(response, status, code, title, detail, json);
    }
}
