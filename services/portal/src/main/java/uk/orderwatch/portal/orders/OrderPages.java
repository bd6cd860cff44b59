package uk.orderwatch.portal.orders;

import java.util.Comparator;
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

/** Orders: the list and search, registering one, and the order page with its timeline. */
@Controller
public class OrderPages {

    private final ServiceApi api;
    private final OrderTimeline timeline;
    private final Directory directory;

    public OrderPages(ServiceApi api, OrderTimeline timeline, Directory directory) {
        this.api = api;
        this.timeline = timeline;
        this.directory = directory;
    }

    @GetMapping("/orders")
    String list(@RequestParam(required = false) String subject,
                @RequestParam(required = false) String courtCaseReference,
                @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var result = api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders")
                .queryParamIfPresent("subject", blankToEmpty(subject))
                .queryParamIfPresent("courtCaseReference", blankToEmpty(courtCaseReference))
                .queryParamIfPresent("status", blankToEmpty(status))
                .queryParam("page", Math.max(page, 0)).queryParam("size", 20).build());
        model.addAttribute("result", result);
        model.addAttribute("subject", subject);
        model.addAttribute("courtCaseReference", courtCaseReference);
        model.addAttribute("status", status);
        model.addAttribute("page", Math.max(page, 0));
        return "orders/list";
    }

    @GetMapping("/orders/new")
    String registerForm(Model model) {
        return registerPage(model, new RegisterOrderForm(Map.of()), new FormErrors());
    }

    @PostMapping("/orders")
    String register(@RequestParam Map<String, String> values, @ModelAttribute("user") SignedInUser user,
                    Model model, RedirectAttributes redirect) {
        var form = new RegisterOrderForm(values);
        FormErrors errors = new FormErrors();
        var request = form.request(user.agencyId(), user.personId(), errors);
        if (request == null) {
            return registerPage(model, form, errors);
        }
        try {
            var order = api.post(Service.ORDER_REGISTRY, uri -> uri.path("/orders").build(), request);
            redirect.addFlashAttribute("success", "Order registered");
            return "redirect:/orders/" + order.get("orderId");
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 409 && problem.status() != 422) {
                throw problem;
            }
            return registerPage(model, form, errors.add(problem, form::field, RegisterOrderForm.ASKS));
        }
    }

    private String registerPage(Model model, RegisterOrderForm form, FormErrors errors) {
        var agencies = directory.agencies();
        model.addAttribute("form", form.values());
        model.addAttribute("errors", errors.inOrder(RegisterOrderForm.FIELD_ORDER));
        model.addAttribute("probationPeople", people(agencies, "PROBATION"));
        model.addAttribute("advocacyPeople", people(agencies, "ADVOCACY"));
        return "orders/new";
    }

    /** "agencyId/personId" to "Name, job title (agency)" of every person in agencies of one kind. */
    @SuppressWarnings("unchecked")
    static Map<String, String> people(List<Map<String, Object>> agencies, String kind) {
        Map<String, String> people = new LinkedHashMap<>();
        agencies.stream().filter(a -> kind.equals(a.get("kind")))
                .sorted(Comparator.comparing(a -> String.valueOf(a.get("name"))))
                .forEach(a -> ((List<Map<String, Object>>) a.getOrDefault("people", List.of())).forEach(p ->
                        people.put(a.get("agencyId") + "/" + p.get("personId"), p.get("name") + ", "
                                + p.get("jobTitle") + " (" + a.get("name") + ")")));
        return people;
    }

    @GetMapping("/orders/{orderId}")
    String show(@PathVariable String orderId, @ModelAttribute("user") SignedInUser user, Model model) {
        var order = api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}").build(orderId));
        var history = api.getList(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}/history").build(orderId));
        var compliance = api.get(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/compliance").build(orderId));
        var alerts = api.get(Service.NOTIFICATION, uri -> uri.path("/alerts").queryParam("orderId", orderId)
                .queryParam("size", 100).build());
        Map<String, Object> requirement = null;
        if (user.police()) {
            requirement = optional(() -> api.get(Service.BREACH_REPORT,
                    uri -> uri.path("/orders/{id}/notification-requirement").build(orderId)));
        }
        model.addAttribute("order", order);
        model.addAttribute("compliance", compliance);
        model.addAttribute("requirement", requirement);
        model.addAttribute("alerts", alerts.get("items"));
        model.addAttribute("timeline", timeline.of(history, compliance, alerts, requirement));
        model.addAttribute("names", directory.names());
        return "orders/show";
    }

    private static Map<String, Object> optional(java.util.function.Supplier<Map<String, Object>> call) {
        try {
            return call.get();
        } catch (ApiProblem problem) {
            if (problem.notFound()) {
                return null;
            }
            throw problem;
        }
    }

    private static java.util.Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
    }
}
