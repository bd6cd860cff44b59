package uk.orderwatch.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** A problem details answer written by a servlet filter, where {@link ProblemDetailsAdvice} does not reach. */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String title, String detail,
                             JsonMapper json) throws IOException {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(ProblemDetailsAdvice.TYPE_PREFIX + code));
        pd.setTitle(title);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), pd);
    }
}
