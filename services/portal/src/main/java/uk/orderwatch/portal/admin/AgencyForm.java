package uk.orderwatch.portal.admin;

import static uk.orderwatch.portal.web.DateFields.isBlank;
import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.orderwatch.portal.web.FormErrors;

/**
 * The agency form: kind, name, its people (one row each: id, name, job title, email, mobile, supervisor; empty rows
 * are left out), its 24/7 fallback (one of its people) and the agency's webhook. The directory replaces
 * the whole agency with what is sent, and never shows a webhook's secret back: keeping a webhook means giving its
 * secret again.
 */
record AgencyForm(Map<String, String> values) {

    /** Rows on the form beyond the people already recorded, for new people. */
    static final int NEW_ROWS = 3;
    private static final Pattern PERSON_FIELD = Pattern.compile("people\\[(\\d+)]\\.?([a-zA-Z]*).*");

    String v(String field) {
        return values.get(field);
    }

    /** The form for an agency as the directory holds it (an empty map: a new agency). */
    @SuppressWarnings("unchecked")
    static AgencyForm of(Map<String, Object> agency) {
        Map<String, String> form = new LinkedHashMap<>();
        if (agency.get("agencyId") != null) {
            form.put("agencyId", String.valueOf(agency.get("agencyId")));
            form.put("kind", String.valueOf(agency.get("kind")));
            form.put("name", String.valueOf(agency.get("name")));
            int i = 0;
            for (var person : (List<Map<String, Object>>) agency.getOrDefault("people", List.of())) {
                for (String field : List.of("personId", "name", "jobTitle", "email", "mobile")) {
                    if (person.get(field) != null) {
                        form.put("p" + i + "." + field, String.valueOf(person.get(field)));
                    }
                }
                if (Boolean.TRUE.equals(person.get("supervisor"))) {
                    form.put("p" + i + ".supervisor", "true");
                }
                i++;
            }
            if (agency.get("fallbackPersonId") != null) {
                form.put("fallbackPersonId", String.valueOf(agency.get("fallbackPersonId")));
            }
            if (agency.get("webhookUrl") != null) {
                form.put("webhookUrl", String.valueOf(agency.get("webhookUrl")));
            }
        }
        return new AgencyForm(form);
    }

    /**
     * How many person rows the form shows: as many as it showed when it was sent ({@code rows}), or the people
     * recorded and room for new ones.
     */
    int rows() {
        if (v("rows") != null && v("rows").matches("\\d{1,3}")) {
            return Integer.parseInt(v("rows"));
        }
        int rows = 0;
        while (values.containsKey("p" + rows + ".personId") || values.containsKey("p" + rows + ".name")) {
            rows++;
        }
        return rows + NEW_ROWS;
    }

    /** The person rows filled in, by their row number on the form. */
    List<Integer> filledRows() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows(); i++) {
            for (String field : List.of("personId", "name", "jobTitle", "email", "mobile")) {
                if (!isBlank(v("p" + i + "." + field))) {
                    filled.add(i);
                    break;
                }
            }
        }
        return filled;
    }

    /** The directory's request, or null with errors for what the form must ask for itself. */
    Map<String, Object> request(FormErrors errors) {
        if (isBlank(v("agencyId"))) {
            errors.add("agencyId", "Enter the agency’s id, like thames-valley-police");
        }
        if (isBlank(v("kind"))) {
            errors.add("kind", "Select the kind of agency");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", trimmed(v("kind")));
        request.put("name", v("name") == null ? "" : v("name").trim());
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i : filledRows()) {
            Map<String, Object> person = new LinkedHashMap<>();
            for (String field : List.of("personId", "name", "jobTitle", "email", "mobile")) {
                String value = trimmed(v("p" + i + "." + field));
                person.put(field, value == null && (field.equals("personId") || field.equals("name")) ? "" : value);
            }
            person.put("supervisor", "true".equals(v("p" + i + ".supervisor")));
            people.add(person);
        }
        request.put("people", people);
        if (isBlank(v("fallbackPersonId"))) {
            errors.add("fallbackPersonId",
                    "Enter the person id of the agency’s 24/7 fallback, like its control room");
        }
        request.put("fallbackPersonId", trimmed(v("fallbackPersonId")));
        if (!isBlank(v("webhookUrl"))) {
            if (isBlank(v("webhookSecret"))) {
                errors.add("webhookSecret", "Enter the webhook’s secret: it is never shown, so it is given again "
                        + "with every change");
            }
            request.put("webhook", Map.of("url", v("webhookUrl").trim(), "secret", String.valueOf(
                    trimmed(v("webhookSecret")))));
        }
        return errors.isEmpty() ? request : null;
    }

    /** The form field a refusal of the directory's request field belongs to. */
    String field(String requestField) {
        Matcher person = PERSON_FIELD.matcher(requestField);
        if (person.matches()) {
            List<Integer> rows = filledRows();
            int index = Integer.parseInt(person.group(1));
            String field = person.group(2).isEmpty() ? "personId" : person.group(2);
            return index < rows.size() ? "p" + rows.get(index) + "." + field : null;
        }
        if (requestField.startsWith("webhook")) {
            return requestField.endsWith("secret") ? "webhookSecret" : "webhookUrl";
        }
        return switch (requestField) {
            case "kind", "name", "agencyId", "fallbackPersonId" -> requestField;
            default -> null;
        };
    }
}
