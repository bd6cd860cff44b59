package uk.orderwatch.portal.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import uk.orderwatch.portal.web.FormErrors;

/**
 * The conditions part of the variation form: each current condition with its wording to change or a box to remove
 * it, and one new condition to add (the register form's first row, {@code c1*}). The order-registry takes the whole
 * new list; it is sent only when something changed.
 */
final class ConditionsVariation {

    private final Map<String, Object> order;
    private final Map<String, String> form;
    /** The condition ids kept, in the order sent; a new condition comes after them. */
    private final List<String> kept = new ArrayList<>();

    ConditionsVariation(Map<String, Object> order, Map<String, String> form) {
        this.order = order;
        this.form = form;
    }

    /** The form as it opens: every condition's wording as the court last worded it. */
    static Map<String, String> current(Map<String, Object> order) {
        Map<String, String> form = new LinkedHashMap<>();
        conditions(order).forEach(c -> form.put("wording-" + c.get("conditionId"), String.valueOf(c.get("description"))));
        return form;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conditions(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.getOrDefault("conditions", List.of());
    }

    /** The new list of conditions, or null when the form changes none of them. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> conditions(FormErrors errors) {
        boolean changed = false;
        List<Map<String, Object>> list = new ArrayList<>();
        for (var current : conditions(order)) {
            String id = String.valueOf(current.get("conditionId"));
            if ("true".equals(form.get("remove-" + id))) {
                changed = true;
                continue;
            }
            Map<String, Object> condition = new LinkedHashMap<>(current);
            String wording = form.get("wording-" + id);
            if (wording != null && !wording.trim().equals(String.valueOf(current.get("description")))) {
                condition.put("description", wording.trim());
                changed = true;
            }
            kept.add(id);
            list.add(condition);
        }
        var added = new RegisterOrderForm(form);
        if (!added.conditionRows().isEmpty()) {
            var agencies = (Map<String, Map<String, Object>>) order.get("agencies");
            list.add(added.condition(1, assignment(agencies.get("police")), assignment(agencies.get("probation")),
                    errors));
            changed = true;
        }
        return changed ? list : null;
    }

    private static String[] assignment(Map<String, Object> a) {
        return a == null ? null : new String[] {String.valueOf(a.get("agencyId")), String.valueOf(a.get("personId"))};
    }

    /** The form field a refusal of {@code conditions[i].x} belongs to. */
    String field(String requestField) {
        Matcher c = RegisterOrderForm.CONDITION_FIELD.matcher(requestField);
        if (!c.matches()) {
            return "c1Category";
        }
        int index = Integer.parseInt(c.group(1));
        if (index < kept.size()) {
            return "wording-" + kept.get(index);
        }
        return new RegisterOrderForm(form).field("conditions[0]" + requestField.substring(c.end(1) + 1));
    }
}
