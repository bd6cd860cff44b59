package uk.orderwatch.portal.probation;

import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;
import uk.orderwatch.portal.web.DateFields;
import uk.orderwatch.portal.web.FormErrors;
import uk.orderwatch.portal.web.FormPage;
import uk.orderwatch.portal.web.Formats;
import uk.orderwatch.portal.web.Labels;

/**
 * Probation's enforcement of an order's programme: what each programme is held to, the reviews its failures called
 * for with a form to record the decision, and the warnings given with a form to record one.
 */
@Controller
public class EnforcementPages {

    private final ServiceApi api;
    private final Labels labels;
    private final Formats formats;

    public EnforcementPages(ServiceApi api, Labels labels, Formats formats) {
        this.api = api;
        this.labels = labels;
        this.formats = formats;
    }

    @GetMapping("/orders/{orderId}/enforcement")
    String page(@PathVariable String orderId, Model model) {
        return page(orderId, Map.of(), new FormErrors(), model);
    }

    @PostMapping("/orders/{orderId}/enforcement/decision")
    String decide(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String decision = trimmed(form.get("decision"));
        if (decision == null) {
            errors.add("decision", "Select what you decided");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("decision", decision);
        request.put("decidedOn", DateFields.date(form.get("decidedOnDay"), form.get("decidedOnMonth"),
                form.get("decidedOnYear"), "decidedOn", "the date you decided", errors));
        String reviewId = String.valueOf(form.get("reviewId"));
        return done(orderId, form, errors, model, redirect, "Decision recorded", () -> api.post(
                Service.BREACH_REPORT, uri -> uri.path("/orders/{o}/enforcement/reviews/{r}/decision")
                        .build(orderId, reviewId), request), Map.of("decision", "decision", "decidedOn", "decidedOn"));
    }

    @PostMapping("/orders/{orderId}/enforcement/warning")
    String warn(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String sessionId = trimmed(form.get("sessionId"));
        if (sessionId == null) {
            errors.add("sessionId", "Select the failure the warning was for");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("sessionId", sessionId);
        request.put("issuedOn", DateFields.date(form.get("issuedOnDay"), form.get("issuedOnMonth"),
                form.get("issuedOnYear"), "issuedOn", "the date you gave the warning", errors));
        return done(orderId, form, errors, model, redirect, "Warning recorded", () -> api.post(
                Service.BREACH_REPORT, uri -> uri.path("/orders/{o}/enforcement/warnings").build(orderId),
                request), Map.of("sessionId", "sessionId", "issuedOn", "issuedOn"));
    }

    private String done(String orderId, Map<String, String> form, FormErrors errors, Model model,
                        RedirectAttributes redirect, String success, java.util.function.Supplier<?> request,
                        Map<String, String> fields) {
        return FormPage.submit(request, errors, fields::get, Map.of(), redirect, success,
                "/orders/" + orderId + "/enforcement",
                () -> page(orderId, form, errors, model));
    }

    @SuppressWarnings("unchecked")
    private String page(String orderId, Map<String, String> form, FormErrors errors, Model model) {
        model.addAttribute("order", api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}").build(orderId)));
        var enforcement = api.get(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/enforcement").build(orderId));
        var sessions = api.getList(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/sessions").build(orderId));
        Map<String, String> failures = new LinkedHashMap<>();
        for (var s : sessions) {
            if ("MISSED".equals(s.get("currentOutcome")) || hasConcern(s)) {
                failures.put(String.valueOf(s.get("sessionId")), formats.dateTime(s.get("start")) + ": "
                        + ("MISSED".equals(s.get("currentOutcome")) ? labels.of("outcome", "MISSED")
                        : "behaviour concern"));
            }
        }
        model.addAttribute("enforcement", enforcement);
        // the oldest review still to decide: decisions are recorded in the order the reviews were raised
        model.addAttribute("toDecide", ((List<Map<String, Object>>) enforcement.getOrDefault("reviews", List.of()))
                .stream().filter(r -> r.get("decision") == null).findFirst().orElse(null));
        model.addAttribute("failures", failures);
        model.addAttribute("decisions", labels.options("enforcementDecision", "BREACH_ACTION", "FINAL_WARNING",
                "NO_FURTHER_ENFORCEMENT"));
        FormPage.show(model, form, errors);
        return "probation/enforcement";
    }

    @SuppressWarnings("unchecked")
    private static boolean hasConcern(Map<String, Object> session) {
        var outcomes = (List<Map<String, Object>>) session.getOrDefault("outcomes", List.of());
        return !outcomes.isEmpty() && outcomes.get(outcomes.size() - 1).get("concern") != null;
    }
}
