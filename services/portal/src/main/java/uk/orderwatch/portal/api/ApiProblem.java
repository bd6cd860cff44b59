package uk.orderwatch.portal.api;

import java.util.List;
import java.util.Map;

/**
 * A service refused or could not answer a request: its RFC 9457 problem detail, kept so a form can show each
 * field's reason next to the field, and an error page the title and detail.
 *
 * @param status 0 when the service did not answer at all
 */
public class ApiProblem extends RuntimeException {

    private final Service service;
    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private String type;

    public ApiProblem(Service service, int status, String title, String detail, List<FieldError> errors) {
        super(service + " answered " + status + ": " + detail);
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** One field of the request and the service's reason for refusing it. */
    public record FieldError(String field, String reason) {
    }

    @SuppressWarnings("unchecked")
    static ApiProblem from(Service service, int status, Map<String, Object> body) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (body != null && body.get("errors") instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && m.get("field") != null) {
                    errors.add(new FieldError(String.valueOf(m.get("field")), String.valueOf(m.get("reason"))));
                }
            }
        }
        String title = body != null && body.get("title") != null ? String.valueOf(body.get("title")) : null;
        String detail = body != null && body.get("detail") != null ? String.valueOf(body.get("detail")) : null;
        var problem = new ApiProblem(service, status, title, detail, errors);
        problem.type = body != null && body.get("type") != null ? String.valueOf(body.get("type")) : null;
        return problem;
    }

    static ApiProblem unavailable(Service service) {
        return new ApiProblem(service, 0, "Service unavailable", "The " + service.serves()
                + " service did not answer. Nothing was changed by this page; try again in a minute.", List.of());
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** The first request with the same Idempotency-Key is still being handled: ask again in a moment. */
    boolean stillBeingHandled() {
        return status == 409 && type != null && type.endsWith(":idempotency-key-in-use");
    }

    /** breach-report does not know the order (yet): one registered a moment ago reaches it within a second. */
    boolean orderNotKnownYet() {
        return status == 404 && type != null && type.endsWith(":order-not-known");
    }
}
