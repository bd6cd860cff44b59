package uk.orderwatch.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit (413) before anything reads them, and bodies of unknown length (411), so an
 * oversized payload is never parsed or stored.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final java.util.function.ToLongFunction<String> maxBytes;

    /** @param maxBytes the limit for a request's path */
    public RequestSizeLimitFilter(java.util.function.ToLongFunction<String> maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean hasBody = length > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && length < 0) {
            reject(response, HttpStatus.LENGTH_REQUIRED, "length-required",
                    "Send the body with a Content-Length header.");
            return;
        }
        long limit = maxBytes.applyAsLong(request.getRequestURI());
        if (length > limit) {
            reject(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "The body is " + length + " bytes; at most " + limit + " are accepted.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"" + ProblemDetailsAdvice.TYPE_PREFIX + code + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
