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

/**
 * Recording what happened at a programme session, in the vocabulary of HMPPS "Refer and monitor an intervention":
 * did the session happen; if so, did the person attend (yes, late, no); if not, why; and any behaviour concern.
 * A planned session is chosen from the order page; a session that was not planned is recorded by its date and time.
 */
@Controller
public class AttendancePages {

    private static final Map<String, String> FIELDS = Map.of("didSessionHappen", "didSessionHappen",
            "attended", "attended", "lateReason", "lateReason", "noSessionReason", "noSessionReason",
            "concern.description", "concern", "correctionReason", "correctionReason", "conditionId", "conditionId",
            "sessionStart", "session");

    private final ServiceApi api;

    public AttendancePages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping({"/orders/{orderId}/attendance", "/orders/{orderId}/sessions/{sessionId}/outcome"})
    String form(@PathVariable String orderId, @PathVariable(required = false) String sessionId, Model model) {
        return page(orderId, sessionId, Map.of(), new FormErrors(), model);
    }

    @PostMapping({"/orders/{orderId}/attendance", "/orders/{orderId}/sessions/{sessionId}/outcome"})
    String record(@PathVariable String orderId, @PathVariable(required = false) String sessionId,
                  @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Map<String, Object> request = new LinkedHashMap<>();
        if (sessionId == null) {
            String conditionId = trimmed(form.get("conditionId"));
            if (conditionId == null) {
                errors.add("conditionId", "Select the requirement the session belongs to");
            }
            request.put("conditionId", conditionId);
            request.put("sessionStart", String.valueOf(DateFields.instant(DateFields.date(form.get("sessionDay"),
                            form.get("sessionMonth"), form.get("sessionYear"), "session", "the date of the session",
                            errors),
                    DateFields.time(form.get("sessionTime"), "sessionTime", "the time the session started", errors))));
        }
        String happened = trimmed(form.get("didSessionHappen"));
        if (happened == null) {
            errors.add("didSessionHappen", "Select whether the session happened");
        }
        request.put("didSessionHappen", happened == null ? null : Boolean.valueOf(happened));
        if ("true".equals(happened)) {
            request.put("attended", trimmed(form.get("attended")));
            request.put("lateReason", trimmed(form.get("lateReason")));
            if (request.get("attended") == null) {
                errors.add("attended", "Select whether the person on probation attended");
            }
        } else if ("false".equals(happened)) {
            request.put("noSessionReason", trimmed(form.get("noSessionReason")));
            if (request.get("noSessionReason") == null) {
                errors.add("noSessionReason", "Select why the session did not happen");
            }
        }
        String concern = trimmed(form.get("concern"));
        if (concern != null) {
            request.put("concern", Map.of("description", concern,
                    "tellPractitioner", "true".equals(form.get("tellPractitioner")),
                    "risk", "true".equals(form.get("risk"))));
        }
        request.put("correctionReason", trimmed(form.get("correctionReason")));
        boolean sent = FormPage.send(() -> sessionId == null
                        ? api.post(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/attendance").build(orderId),
                        request)
                        : api.post(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/sessions/{s}/outcomes")
                        .build(orderId, sessionId), request),
                errors, FIELDS::get, Map.of());
        if (sent) {
            redirect.addFlashAttribute("success", "Session outcome recorded");
            return "redirect:/orders/" + orderId;
        }
        return page(orderId, sessionId, form, errors, model);
    }

    @SuppressWarnings("unchecked")
    private String page(String orderId, String sessionId, Map<String, String> form, FormErrors errors, Model model) {
        var order = api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}").build(orderId));
        model.addAttribute("order", order);
        Map<String, String> programmes = new LinkedHashMap<>();
        for (var c : (List<Map<String, Object>>) order.getOrDefault("conditions", List.of())) {
            if ("PROGRAMME".equals(c.get("category"))) {
                programmes.put(String.valueOf(c.get("conditionId")), String.valueOf(c.get("description")));
            }
        }
        model.addAttribute("programmes", programmes);
        Map<String, Object> session = null;
        if (sessionId != null) {
            session = api.getList(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/sessions").build(orderId))
                    .stream().filter(s -> sessionId.equals(s.get("sessionId"))).findFirst().orElse(null);
            if (session == null) {
                throw new uk.orderwatch.portal.api.ApiProblem(Service.BREACH_REPORT, 404, "Session not found", null,
                        List.of());
            }
        }
        model.addAttribute("programmeSession", session);
        FormPage.show(model, form, errors);
        return "probation/attendance";
    }
}
