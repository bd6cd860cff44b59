package uk.orderwatch.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import uk.orderwatch.portal.api.ApiProblem;

/**
 * The errors of one form, in the order of its fields: each names the id of the field it belongs to (the error
 * summary links there) and says what to put right. Errors come from the portal's own reading of the form (a date
 * that is not a date) or from the service's problem detail, each of whose fields is mapped to the form's.
 */
public final class FormErrors {

    /** The id errors that belong to no one field link to: the top of the form. */
    public static final String FORM = "form";

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /**
     * Adds the service's reasons, each at the form field {@code formField} names for the request field (or at the
     * top of the form when the form has no such field); a refusal without field reasons adds its detail. A
     * required field left empty is asked for in the form's words ({@code asks}: form field to its message, e.g.
     * "Enter the subject’s full name").
     */
    public FormErrors add(ApiProblem problem, Function<String, String> formField, Map<String, String> asks) {
        if (problem.errors().isEmpty()) {
            return add(FORM, problem.detail() != null ? problem.detail() : problem.title());
        }
        for (ApiProblem.FieldError e : problem.errors()) {
            String field = formField.apply(e.field());
            if (field == null) {
                add(FORM, Messages.sentence(e.field() + " " + e.reason()));
            } else if (asks.containsKey(field) && MISSING.matcher(e.reason()).find()) {
                add(field, asks.get(field));
            } else {
                add(field, Messages.sentence(e.reason()));
            }
        }
        return this;
    }

    private static final java.util.regex.Pattern MISSING = java.util.regex.Pattern.compile(
            "must not be (blank|null|empty)|is required");

    /**
     * The same errors in the order of the form's fields ({@code fields}), as the error summary lists them; an error
     * at a field not listed comes last.
     */
    public FormErrors inOrder(java.util.List<String> fields) {
        FormErrors ordered = new FormErrors();
        errors.entrySet().stream().sorted(java.util.Comparator.comparingInt(e -> {
            int i = fields.indexOf(e.getKey());
            return i < 0 ? Integer.MAX_VALUE : i;
        })).forEach(e -> ordered.add(e.getKey(), e.getValue()));
        return ordered;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Field id to message, in the order found. */
    public Map<String, String> asMap() {
        return errors;
    }

    public String get(String field) {
        return errors.get(field);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }
}
