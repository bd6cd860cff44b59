package uk.orderwatch.portal.orders;

import static uk.orderwatch.portal.web.DateFields.isBlank;
import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.orderwatch.portal.web.DateFields;
import uk.orderwatch.portal.web.FormErrors;

/**
 * The register-an-order form as the officer fills it in: the order, the subject, one protected person, up to three
 * conditions and the agencies. {@link #request} turns it into the order-registry's request; {@link #field} tells
 * which of its fields a refusal of the request is about.
 */
public record RegisterOrderForm(Map<String, String> values) {

    /**
     * What the form asks for when a field the service always needs is left empty, in the order of the form. The
     * service checks them too (and everything else); asking here shows every missing field at the first try.
     */
    static final Map<String, String> REQUIRED = orderedMap(
            "type", "Select the type of order",
            "courtName", "Enter the name of the court",
            "courtCode", "Enter the court’s code",
            "courtCaseReference", "Enter the court case reference",
            "subjectName", "Enter the subject’s full name",
            "personName", "Enter the protected person’s full name",
            "c1Category", "Choose the kind of the first condition",
            "c1Description", "Enter the first condition as the court worded it");

    /** The messages for every field the service may say is missing: the required ones, and these. */
    static final Map<String, String> ASKS = withRequired(
            "c2Description", "Enter the second condition as the court worded it",
            "c3Description", "Enter the third condition as the court worded it",
            "c1ZoneArea", "Enter the area of the exclusion zone",
            "c2ZoneArea", "Enter the area of the exclusion zone",
            "c3ZoneArea", "Enter the area of the exclusion zone",
            "programmeName", "Enter the programme’s name, provider and number of sessions",
            "probation", "Choose the probation practitioner who supervises the requirement");

    private static Map<String, String> withRequired(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>(REQUIRED);
        map.putAll(orderedMap(pairs));
        return map;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The form's fields from top to bottom, for the error summary's order. */
    static final List<String> FIELD_ORDER = List.of("type", "courtName", "courtCode", "courtCaseReference", "madeOn",
            "endsOn", "subjectName", "subjectAliases", "subjectDob", "subjectPncId", "subjectCrn",
            "subjectHomeAddress", "soaNotification", "personName", "personAddress", "personPhone", "personEmail",
            "personSafeContact",
            "advocacy", "c1Category", "c1Description", "c1Distance", "c1PoliceStation", "c1ZoneArea", "c1ZoneRadius",
            "c2Category", "c2Description", "c2Distance", "c2PoliceStation", "c2ZoneArea", "c2ZoneRadius",
            "c3Category", "c3Description", "c3Distance", "c3PoliceStation", "c3ZoneArea", "c3ZoneRadius",
            "programmeName", "programmeProvider", "programmeSessions", "firstSession", "firstSessionTime",
            "sessionIntervalDays", "sessionMinutes", "probation");

    /** The value of a field as sent (null when not sent). */
    public String v(String field) {
        return values.get(field);
    }

    /** The condition rows filled in, by their number on the form (1 to 3). */
    List<Integer> conditionRows() {
        List<Integer> rows = new ArrayList<>();
        for (int row = 1; row <= 3; row++) {
            if (!isBlank(category(row)) || !isBlank(condition(row)[0])) {
                rows.add(row);
            }
        }
        return rows;
    }

    private String category(int row) {
        return row == 1 ? v("c1Category") : row == 2 ? v("c2Category") : v("c3Category");
    }

    private static void supervisedBy(Map<String, Object> condition, String[] assignment) {
        condition.put("supervisingAgencyId", assignment == null ? null : assignment[0]);
        condition.put("responsiblePersonId", assignment == null ? null : assignment[1]);
    }

    /** description, distance, police station, zone area, zone radius of a row. */
    private String[] condition(int row) {
        return switch (row) {
            case 1 -> new String[] {v("c1Description"), v("c1Distance"), v("c1PoliceStation"), v("c1ZoneArea"), v("c1ZoneRadius")};
            case 2 -> new String[] {v("c2Description"), v("c2Distance"), v("c2PoliceStation"), v("c2ZoneArea"), v("c2ZoneRadius")};
            default -> new String[] {v("c3Description"), v("c3Distance"), v("c3PoliceStation"), v("c3ZoneArea"), v("c3ZoneRadius")};
        };
    }

    /**
     * The order-registry request, or null with errors for what the portal could not read (dates, numbers); rules
     * of the law and of orderwatch are left to the service, whose reasons come back per field.
     *
     * @param policeAgencyId the officer's own force
     * @param policePersonId the officer registering it, who becomes the officer in charge
     */
    public Map<String, Object> request(String policeAgencyId, String policePersonId, FormErrors errors) {
        REQUIRED.forEach((field, ask) -> {
            if (isBlank(v(field))) {
                errors.add(field, ask);
            }
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", trimmed(v("type")));
        r.put("court", Map.of("name", orEmpty(v("courtName")), "code", orEmpty(v("courtCode"))));
        r.put("courtCaseReference", orEmpty(v("courtCaseReference")));
        LocalDate madeOn = DateFields.date(v("madeOnDay"), v("madeOnMonth"), v("madeOnYear"), "madeOn", "the date the order was made",
                errors);
        r.put("madeOn", madeOn);
        boolean untilFurther = "true".equals(v("untilFurtherOrder"));
        if (untilFurther) {
            r.put("untilFurtherOrder", true);
        }
        if (!DateFields.blank(v("endsOnDay"), v("endsOnMonth"), v("endsOnYear")) || !untilFurther) {
            r.put("endsOn", DateFields.date(v("endsOnDay"), v("endsOnMonth"), v("endsOnYear"), "endsOn",
                    "the date the order ends, or choose until further order", errors));
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("name", orEmpty(v("subjectName")));
        if (!isBlank(v("subjectAliases"))) {
            subject.put("aliases", v("subjectAliases").lines().map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if (!DateFields.blank(v("subjectDobDay"), v("subjectDobMonth"), v("subjectDobYear"))) {
            subject.put("dateOfBirth", DateFields.date(v("subjectDobDay"), v("subjectDobMonth"), v("subjectDobYear"), "subjectDob",
                    "the subject's date of birth", errors));
        }
        subject.put("homeAddress", trimmed(v("subjectHomeAddress")));
        subject.put("pncId", trimmed(v("subjectPncId")));
        subject.put("crn", trimmed(v("subjectCrn")));
        r.put("subject", subject);
        if ("true".equals(v("soaNotification"))) {
            r.put("notificationExemption", "SEXUAL_OFFENCES_ACT_2003_PART_2");
        }
        String[] advocate = assignment(v("advocacy"));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", orEmpty(v("personName")));
        person.put("address", trimmed(v("personAddress")));
        person.put("phone", trimmed(v("personPhone")));
        person.put("email", trimmed(v("personEmail")));
        person.put("safeContactPreferences", trimmed(v("personSafeContact")));
        person.put("advocatePersonId", advocate == null ? null : advocate[1]);
        r.put("protectedPersons", List.of(person));
        String[] probationUnit = assignment(v("probation"));
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (int row : conditionRows()) {
            conditions.add(condition(row, new String[] {policeAgencyId, policePersonId}, probationUnit, errors));
        }
        r.put("conditions", conditions);
        Map<String, Object> agencies = new LinkedHashMap<>();
        agencies.put("police", Map.of("agencyId", policeAgencyId, "personId", policePersonId));
        if (probationUnit != null) {
            agencies.put("probation", Map.of("agencyId", probationUnit[0], "personId", probationUnit[1]));
        }
        if (advocate != null) {
            agencies.put("advocacy", Map.of("agencyId", advocate[0], "personId", advocate[1]));
        }
        r.put("agencies", agencies);
        return errors.isEmpty() ? r : null;
    }

    /**
     * One condition row of the form as the service takes it (also used for a condition a variation adds): the
     * details its category needs, and the agency that supervises a requirement with its person assigned to the order
     * as the one responsible (which a DAPO must name, Domestic Abuse Act 2021 s.36).
     *
     * @param police    the force and officer in charge
     * @param probation the probation delivery unit and practitioner, or null when none is assigned
     */
    Map<String, Object> condition(int row, String[] police, String[] probation, FormErrors errors) {
        String[] c = condition(row);
        String category = trimmed(category(row));
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("category", category);
        condition.put("description", orEmpty(c[0]));
        String prefix = "c" + row;
        if ("NO_APPROACH".equals(category)) {
            condition.put("distanceMetres", number(c[1], prefix + "Distance", "the distance in metres", errors));
        }
        if ("SIGN_ON".equals(category)) {
            condition.put("policeStation", trimmed(c[2]));
            supervisedBy(condition, police);
        }
        if ("EXCLUSION_ZONE".equals(category)) {
            Map<String, Object> zone = new LinkedHashMap<>();
            zone.put("area", orEmpty(c[3]));
            if (!isBlank(c[4])) {
                zone.put("radiusMetres", number(c[4], prefix + "ZoneRadius", "the radius in metres", errors));
            }
            condition.put("zone", zone);
        }
        if ("PROGRAMME".equals(category) || "ASSESSMENT".equals(category)) {
            supervisedBy(condition, probation);
        }
        if ("PROGRAMME".equals(category)) {
            Map<String, Object> programme = new LinkedHashMap<>();
            programme.put("name", orEmpty(v("programmeName")));
            programme.put("provider", orEmpty(v("programmeProvider")));
            programme.put("sessions", number(v("programmeSessions"), "programmeSessions", "the number of sessions",
                    errors));
            if (!DateFields.blank(v("firstSessionDay"), v("firstSessionMonth"), v("firstSessionYear"))) {
                LocalDate day = DateFields.date(v("firstSessionDay"), v("firstSessionMonth"), v("firstSessionYear"), "firstSession",
                        "the date of the first session", errors);
                LocalTime time = DateFields.time(v("firstSessionTime"), "firstSessionTime", "the time of the first session",
                        errors);
                programme.put("schedule", Map.of(
                        "firstSessionAt", String.valueOf(DateFields.instant(day, time)),
                        "intervalDays", orZero(number(v("sessionIntervalDays"), "sessionIntervalDays",
                                "how many days apart the sessions are", errors)),
                        "durationMinutes", orZero(number(v("sessionMinutes"), "sessionMinutes",
                                "how long a session lasts in minutes", errors))));
            }
            condition.put("programme", programme);
        }
        return condition;
    }

    /** {@code conditions[i].field…} in a service's refusal: the index, then the field. */
    static final Pattern CONDITION_FIELD = Pattern.compile("conditions\\[(\\d+)]\\.?([a-zA-Z]*).*");

    /** The form field an order-registry request field belongs to, or null when the form has none. */
    public String field(String requestField) {
        Matcher c = CONDITION_FIELD.matcher(requestField);
        if (c.matches()) {
            List<Integer> rows = conditionRows();
            int index = Integer.parseInt(c.group(1));
            if (index >= rows.size()) {
                return null;
            }
            String prefix = "c" + rows.get(index);
            return switch (c.group(2)) {
                case "category" -> prefix + "Category";
                case "distanceMetres" -> prefix + "Distance";
                case "policeStation" -> prefix + "PoliceStation";
                case "zone" -> prefix + "ZoneArea";
                case "programme" -> "programmeName";
                case "supervisingAgencyId", "responsiblePersonId" -> "probation";
                default -> prefix + "Description";
            };
        }
        if (requestField.startsWith("protectedPersons[0].")) {
            return switch (requestField.substring("protectedPersons[0].".length())) {
                case "name" -> "personName";
                case "address" -> "personAddress";
                case "phone" -> "personPhone";
                case "email" -> "personEmail";
                case "safeContactPreferences" -> "personSafeContact";
                default -> "advocacy";
            };
        }
        if (requestField.startsWith("agencies.probation")) {
            return "probation";
        }
        if (requestField.startsWith("agencies.advocacy")) {
            return "advocacy";
        }
        return switch (requestField) {
            case "type" -> "type";
            case "court.name" -> "courtName";
            case "court.code" -> "courtCode";
            case "courtCaseReference" -> "courtCaseReference";
            case "madeOn" -> "madeOn";
            case "endsOn", "untilFurtherOrder" -> "endsOn";
            case "subject.name" -> "subjectName";
            case "subject.aliases" -> "subjectAliases";
            case "subject.dateOfBirth" -> "subjectDob";
            case "subject.homeAddress" -> "subjectHomeAddress";
            case "subject.pncId" -> "subjectPncId";
            case "subject.crn" -> "subjectCrn";
            case "notificationExemption" -> "soaNotification";
            case "protectedPersons" -> "personName";
            case "conditions" -> "c1Category";
            default -> null;
        };
    }

    /** "agencyId/personId" as the agency and person selects send them, or null for none chosen. */
    private static String[] assignment(String value) {
        if (isBlank(value) || !value.contains("/")) {
            return null;
        }
        return value.split("/", 2);
    }

    private static Integer number(String value, String field, String what, FormErrors errors) {
        if (isBlank(value)) {
            errors.add(field, "Enter " + what);
            return null;
        }
        try {
            return Integer.valueOf(value.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(field, what.substring(0, 1).toUpperCase() + what.substring(1) + " must be a number");
            return null;
        }
    }

    private static Object orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
