package uk.orderwatch.portal.orders;

import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.orderwatch.portal.api.ApiProblem;
import uk.orderwatch.portal.api.Directory;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;
import uk.orderwatch.portal.security.SignedInUser;
import uk.orderwatch.portal.web.FormErrors;
import uk.orderwatch.portal.web.FormPage;

/**
 * Keeping a case current without a court: who works it (a new officer in charge, practitioner or caseworker) and the
 * people it protects (one added, a move or a new phone). None of it is told to anyone as a variation.
 */
@Controller
public class CaseUpkeepPages {

    /** The kinds of agency and what the person who works the case for each is called. */
    static final Map<String, String> ROLES = Map.of("POLICE", "Officer in charge", "PROBATION",
            "Probation practitioner", "ADVOCACY", "Caseworker");
    static final List<String> PERSON_FIELDS = List.of("name", "address", "phone", "email", "safeContactPreferences",
            "advocatePersonId");

    private final ServiceApi api;
    private final Directory directory;

    public CaseUpkeepPages(ServiceApi api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    private Map<String, Object> order(String orderId) {
        return api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}").build(orderId));
    }

    // --- who works the case --------------------------------------------------------------------------------------

    @GetMapping("/orders/{orderId}/reassignment")
    String reassignForm(@PathVariable String orderId, @ModelAttribute("user") SignedInUser user, Model model) {
        return reassignPage(order(orderId), user, Map.of(), new FormErrors(), model);
    }

    @PostMapping("/orders/{orderId}/reassignment")
    String reassign(@PathVariable String orderId, @RequestParam Map<String, String> form,
                    @ModelAttribute("user") SignedInUser user, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String choice = trimmed(form.get("assignee"));
        if (choice == null || !choice.matches("[A-Z]+\\|[^/]+/.+")) {
            errors.add("assignee", "Select who takes the case");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        if (errors.isEmpty()) {
            String[] kindAndPerson = choice.split("\\|", 2);
            String[] agencyAndPerson = kindAndPerson[1].split("/", 2);
            request.put("agencyKind", kindAndPerson[0]);
            request.put("agencyId", agencyAndPerson[0]);
            request.put("personId", agencyAndPerson[1]);
        }
        return FormPage.submit(() -> api.post(Service.ORDER_REGISTRY,
                uri -> uri.path("/orders/{id}/reassignments").build(orderId), request), errors,
                field -> "assignee", Map.of(), redirect, "Case reassigned", "/orders/" + orderId,
                () -> reassignPage(order(orderId), user, form, errors, model));
    }

    private String reassignPage(Map<String, Object> order, SignedInUser user, Map<String, String> form,
                                FormErrors errors, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("assignees", assignees(order, user, directory.peopleByKind()));
        FormPage.show(model, form, errors);
        return "orders/reassign";
    }

    /**
     * Whom the user may give the case to: for the police, another officer of their force, or any practitioner or
     * caseworker; for a probation or advocacy supervisor, another person of their own agency. The people who have it
     * now are left out. Keys are "KIND|agencyId/personId".
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> assignees(Map<String, Object> order, SignedInUser user,
                                         Map<String, Map<String, String>> peopleByKind) {
        var agencies = (Map<String, Map<String, Object>>) order.get("agencies");
        Map<String, String> options = new LinkedHashMap<>();
        for (String kind : List.of("POLICE", "PROBATION", "ADVOCACY")) {
            String ownKind = user.police() ? "POLICE" : user.probation() ? "PROBATION" : "ADVOCACY";
            if (!user.police() && !kind.equals(ownKind)) {
                continue;
            }
            var current = agencies.get(kind.toLowerCase(java.util.Locale.UK));
            String now = current == null ? null : current.get("agencyId") + "/" + current.get("personId");
            peopleByKind.getOrDefault(kind, Map.of()).forEach((key, name) -> {
                boolean ownAgency = key.startsWith(user.agencyId() + "/");
                if (!key.equals(now) && (kind.equals(ownKind) ? ownAgency : user.police())) {
                    options.put(kind + "|" + key, ROLES.get(kind) + ": " + name);
                }
            });
        }
        return options;
    }

    // --- the people the order protects ---------------------------------------------------------------------------

    @GetMapping("/orders/{orderId}/protected-persons/new")
    String addForm(@PathVariable String orderId, Model model) {
        return personPage(order(orderId), null, Map.of(), new FormErrors(), model);
    }

    @PostMapping("/orders/{orderId}/protected-persons/new")
    String add(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
               RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        var request = person(form);
        return FormPage.submit(() -> api.post(Service.ORDER_REGISTRY,
                uri -> uri.path("/orders/{id}/protected-persons").build(orderId), request), errors,
                field -> PERSON_FIELDS.contains(field) ? field : null, Map.of("name", "Enter their full name"),
                redirect, "Protected person added", "/orders/" + orderId,
                () -> personPage(order(orderId), null, form, errors, model));
    }

    @GetMapping("/orders/{orderId}/protected-persons/{protectedPersonId}")
    String editForm(@PathVariable String orderId, @PathVariable String protectedPersonId, Model model) {
        var order = order(orderId);
        var person = protectedPerson(order, protectedPersonId);
        Map<String, String> form = new LinkedHashMap<>();
        PERSON_FIELDS.forEach(f -> form.put(f, person.get(f) == null ? null : String.valueOf(person.get(f))));
        return personPage(order, protectedPersonId, form, new FormErrors(), model);
    }

    @PostMapping("/orders/{orderId}/protected-persons/{protectedPersonId}")
    String edit(@PathVariable String orderId, @PathVariable String protectedPersonId,
                @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        var request = person(form);
        return FormPage.submit(() -> api.put(Service.ORDER_REGISTRY,
                        uri -> uri.path("/orders/{id}/protected-persons/{p}")
                        .build(orderId, protectedPersonId), request), errors,
                field -> PERSON_FIELDS.contains(field) ? field : null, Map.of("name", "Enter their full name"),
                redirect, "Details updated", "/orders/" + orderId,
                () -> personPage(order(orderId), protectedPersonId, form, errors, model));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> protectedPerson(Map<String, Object> order, String protectedPersonId) {
        var people = (List<Map<String, Object>>) order.getOrDefault("protectedPersons", List.of());
        return people.stream().filter(p -> protectedPersonId.equals(p.get("protectedPersonId"))).findFirst()
                .orElseThrow(() -> new ApiProblem(Service.ORDER_REGISTRY, 404, "Not found",
                        "No protected person " + protectedPersonId + " on this order", List.of()));
    }

    /** The request body: what the form says, an empty field left out. */
    private static Map<String, Object> person(Map<String, String> form) {
        Map<String, Object> request = new LinkedHashMap<>();
        for (String field : PERSON_FIELDS) {
            String value = trimmed(form.get(field));
            if (value != null) {
                request.put(field, value);
            }
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private String personPage(Map<String, Object> order, String protectedPersonId, Map<String, String> form,
                              FormErrors errors, Model model) {
        var advocacy = ((Map<String, Map<String, Object>>) order.get("agencies")).get("advocacy");
        Map<String, String> advocates = new LinkedHashMap<>();
        if (advocacy != null) {
            String prefix = advocacy.get("agencyId") + "/";
            directory.peopleByKind().getOrDefault("ADVOCACY", Map.of()).forEach((key, name) -> {
                if (key.startsWith(prefix)) {
                    advocates.put(key.substring(prefix.length()), name);
                }
            });
        }
        model.addAttribute("order", order);
        model.addAttribute("protectedPersonId", protectedPersonId);
        model.addAttribute("advocates", advocates);
        FormPage.show(model, form, errors.inOrder(PERSON_FIELDS));
        return "orders/person";
    }
}
