package uk.orderwatch.support.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request orderwatch refuses, answered as an RFC 9457 problem detail. Throwing it changes nothing: services throw
 * before they write.
 *
 * @param code   short, stable name of the problem or of the rule broken; the problem's type is
 *               {@code urn:orderwatch:problem:<code>}
 * @param errors the offending fields, each with the reason
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<FieldProblem> errors;
    private java.time.Duration retryAfter;

    public Problem(HttpStatus status, String code, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** One field of the request and what is wrong with it. */
    public record FieldProblem(String field, String reason) {
    }

    /** 400: a field is missing or malformed. */
    public static Problem invalid(String field, String reason) {
        return new Problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    /** 422: well-formed, but breaks a rule of the domain (named by {@code rule}). */
    public static Problem rule(String rule, String field, String reason) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, rule, "The request breaks a rule",
                field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    /** 404: no such resource (or none the caller may see). */
    public static Problem notFound(String what, String id) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                "No " + what.toLowerCase() + " with id " + id, List.of());
    }

    /** 403: the caller's role may never do this (decided by the role alone, so it discloses no record). */
    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail, List.of());
    }

    /** 409: the request conflicts with the current state, by the rule named. */
    public static Problem conflict(String rule, String detail) {
        return new Problem(HttpStatus.CONFLICT, rule, "The request conflicts with the current state", detail,
                List.of());
    }

    /** The answer says when trying again may work ({@code Retry-After}, whole seconds). */
    public Problem retryAfter(java.time.Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** When trying again may work; null when the problem says nothing of it. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
