package uk.orderwatch.portal.breaches;

import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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
import uk.orderwatch.portal.web.Labels;

/**
 * Reporting a breach of an order: by the police, or by an advocate on the victim's behalf. The form carries an
 * idempotency key made when it was shown, so sending it twice (a double click, a retry after a lost answer) stores
 * one report and raises one set of alerts.
 */
@Controller
public class BreachPages {

    private final ServiceApi api;
    private final Labels labels;

    public BreachPages(ServiceApi api, Labels labels) {
        this.api = api;
        this.labels = labels;
    }

    /** The order's conditions, id to "kind: wording", as the choices of the form. */
    @SuppressWarnings("unchecked")
    static Map<String, String> conditions(Map<String, Object> order, Labels labels) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (var c : (java.util.List<Map<String, Object>>) order.getOrDefault("conditions", java.util.List.of())) {
            // an exclusion zone's wording is not shown to probation: its category names it
            Object wording = c.get("description");
            choices.put(String.valueOf(c.get("conditionId")), labels.condition(c.get("category"))
                    + (wording == null ? "" : ": " + wording));
        }
        return choices;
    }

    @GetMapping("/orders/{orderId}/breaches/new")
    String form(@PathVariable String orderId, Model model) {
        return page(orderId, Map.of("idempotencyKey", UUID.randomUUID().toString()), new FormErrors(), model);
    }

    @PostMapping("/orders/{orderId}/breaches")
    String report(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String conditionId = trimmed(form.get("conditionId"));
        if (conditionId == null) {
            errors.add("conditionId", "Select the condition that was breached");
        }
        var at = DateFields.instant(DateFields.date(form.get("occurredDay"), form.get("occurredMonth"),
                        form.get("occurredYear"), "occurred", "the date it happened", errors),
                DateFields.time(form.get("occurredTime"), "occurredTime", "the time it happened", errors));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("conditionId", conditionId);
        request.put("occurredAt", String.valueOf(at));
        request.put("description", form.getOrDefault("description", ""));
        request.put("location", trimmed(form.get("location")));
        String key = trimmed(form.get("idempotencyKey"));
        return FormPage.submit(() -> api.post(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/breaches")
                        .build(orderId), request, key), errors,
                Map.of("conditionId", "conditionId", "occurredAt", "occurred", "description", "description",
                        "location", "location")::get,
                Map.of("description", "Enter what happened"), redirect, "Breach reported. The officer in charge, the "
                        + "probation practitioner and the advocate are being alerted.", "/orders/" + orderId,
                () -> page(orderId, form, errors, model));
    }

    @GetMapping("/orders/{orderId}/breaches/{breachId}/outcome")
    String outcomeForm(@PathVariable String orderId, @PathVariable String breachId, Model model) {
        return outcomePage(orderId, breachId, Map.of(), new FormErrors(), model);
    }

    /** What the police did next about a reported breach: one step, when, a reasonable excuse raised, why no action. */
    @PostMapping("/orders/{orderId}/breaches/{breachId}/outcome")
    String recordOutcome(@PathVariable String orderId, @PathVariable String breachId,
                         @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String step = trimmed(form.get("step"));
        if (step == null) {
            errors.add("step", "Select what happened");
        }
        var at = DateFields.instant(DateFields.date(form.get("atDay"), form.get("atMonth"), form.get("atYear"), "at",
                "the date it happened", errors), DateFields.time(form.get("atTime"), "atTime", "the time it happened",
                errors));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("step", step);
        request.put("at", String.valueOf(at));
        request.put("reasonableExcuseRaised", "true".equals(form.get("reasonableExcuseRaised")));
        if ("NO_FURTHER_ACTION".equals(step)) {
            request.put("noFurtherActionReason", trimmed(form.get("noFurtherActionReason")));
        }
        return FormPage.submit(() -> api.post(Service.BREACH_REPORT,
                        uri -> uri.path("/orders/{o}/breaches/{b}/outcomes").build(orderId, breachId), request), errors,
                Map.of("step", "step", "at", "at", "noFurtherActionReason", "noFurtherActionReason")::get,
                Map.of("noFurtherActionReason", "Select why no further action is taken"), redirect,
                "Recorded. The probation practitioner and the advocate are being told.", "/orders/" + orderId,
                () -> outcomePage(orderId, breachId, form, errors, model));
    }

    private String outcomePage(String orderId, String breachId, Map<String, String> form, FormErrors errors,
                               Model model) {
        model.addAttribute("order", api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}").build(orderId)));
        model.addAttribute("breach", api.get(Service.BREACH_REPORT, uri -> uri.path("/orders/{o}/breaches/{b}")
                .build(orderId, breachId)));
        model.addAttribute("steps", labels.options("breachStep", "ATTENDED", "ARRESTED", "VOLUNTARY_INTERVIEW",
                "RELEASED_UNDER_INVESTIGATION", "CHARGED", "NO_FURTHER_ACTION", "CONVICTED", "ACQUITTED"));
        model.addAttribute("nfaReasons", labels.options("nfaReason", "EVIDENTIAL_DIFFICULTIES", "REASONABLE_EXCUSE",
                "VICTIM_DOES_NOT_SUPPORT_ACTION", "NOT_IN_PUBLIC_INTEREST", "NOT_A_BREACH"));
        FormPage.show(model, form, errors);
        return "breaches/outcome";
    }

    private String page(String orderId, Map<String, String> form, FormErrors errors, Model model) {
        var order = api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}").build(orderId));
        model.addAttribute("order", order);
        model.addAttribute("conditions", conditions(order, labels));
        FormPage.show(model, form, errors);
        return "breaches/new";
    }
}
