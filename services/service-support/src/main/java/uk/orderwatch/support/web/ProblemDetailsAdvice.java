package uk.orderwatch.support.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error a service answers is an RFC 9457 problem detail ({@code application/problem+json}) naming the offending
 * field, with no stack trace or internal detail.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    public static final String TYPE_PREFIX = "urn:orderwatch:problem:";

    @ExceptionHandler(Problem.class)
    ResponseEntity<Object> problem(Problem p) {
        var answer = ResponseEntity.status(p.status());
        if (p.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, p.retryAfter().toSeconds())));
        }
        return answer.body(body(p.status(), p.code(), p.title(), p.getMessage(), p.errors()));
    }

    /** The store cannot be reached: nothing was changed, and trying again later will work. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> storeUnavailable(DataAccessResourceFailureException e) {
        log.warn("Store unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .body(body(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Temporarily unavailable",
                        "The data store cannot be reached; nothing was changed. Try again shortly.", List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure handling a request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Something went wrong", "The request could not be completed; nothing was changed "
                        + "unless a later read shows it. Try again.", List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(new Problem.FieldProblem(f.getField(),
                f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new Problem.FieldProblem(g.getObjectName(),
                g.getDefaultMessage())));
        errors.sort(java.util.Comparator.comparing(Problem.FieldProblem::field));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        String field = "body";
        String reason = "is not valid JSON";
        if (cause instanceof JacksonException jackson) {
            String path = path(jackson);
            if (!path.isEmpty()) {
                field = path;
                reason = cause instanceof UnrecognizedPropertyException ? "is not a known field"
                        : SafeText.refused(cause) ? SafeText.REASON
                        : "has a value of the wrong type or format";
            }
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            reason = "is missing";
        }
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "invalid-request",
                "The request is not valid", field + ": " + reason, List.of(new Problem.FieldProblem(field, reason))));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(e -> errors.add(new Problem.FieldProblem(name,
                    e.getDefaultMessage())));
        }
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String expected = ex.getRequiredType() == null ? "another type"
                : ex.getRequiredType().isEnum()
                ? "one of " + java.util.Arrays.toString(ex.getRequiredType().getEnumConstants())
                : ex.getRequiredType().getSimpleName();
        return invalid(List.of(new Problem.FieldProblem(name, "must be " + expected)));
    }

    private static ResponseEntity<Object> invalid(List<Problem.FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.reason())
                .collect(java.util.stream.Collectors.joining("; "));
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "invalid-request",
                "The request is not valid", detail, errors));
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd) {
            pd.setType(URI.create(TYPE_PREFIX + "http-" + statusCode.value()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail body(HttpStatusCode status, String code, String title, String detail,
                                      List<Problem.FieldProblem> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_PREFIX + code));
        pd.setTitle(title);
        if (!errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        return pd;
    }
}
