package uk.orderwatch.portal.orders;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
import uk.orderwatch.portal.web.DateFields;
import uk.orderwatch.portal.web.FormErrors;
import uk.orderwatch.portal.web.FormPage;

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
                .queryParamIfPresent("subject", DateFields.given(subject))
                .queryParamIfPresent("courtCaseReference", DateFields.given(courtCaseReference))
                .queryParamIfPresent("status", DateFields.given(status))
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
        var registered = new AtomicReference<Map<String, Object>>();
        if (request != null && FormPage.send(() -> registered.getAndSet(api.post(Service.ORDER_REGISTRY,
                uri -> uri.path("/orders").build(), request)), errors, form::field, RegisterOrderForm.ASKS)) {
            redirect.addFlashAttribute("success", "Order registered");
            return "redirect:/orders/" + registered.get().get("orderId");
        }
        return registerPage(model, form, errors);
    }

    private String registerPage(Model model, RegisterOrderForm form, FormErrors errors) {
        var people = directory.peopleByKind();
        model.addAttribute("form", form.values());
        model.addAttribute("errors", errors.inOrder(RegisterOrderForm.FIELD_ORDER));
        model.addAttribute("probationPeople", people.getOrDefault("PROBATION", Map.of()));
        model.addAttribute("advocacyPeople", people.getOrDefault("ADVOCACY", Map.of()));
        return "orders/new";
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
        var names = directory.names();
        model.addAttribute("timeline", timeline.of(history, compliance, alerts, requirement, names));
        model.addAttribute("names", names);
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

}
