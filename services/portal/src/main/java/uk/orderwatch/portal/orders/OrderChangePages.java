package uk.orderwatch.portal.orders;

import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * What the police record as an order goes through its life: service on the subject, a variation, a renewal or a
 * discharge by the court, and the subject's notifications under the notification requirement. Each is a page with
 * one form, at /orders/{id}/{change}.
 */
@Controller
public class OrderChangePages {

    private static final Map<String, String> HEADINGS = Map.of("service", "Record service of the order",
            "variation", "Record a variation", "renewal", "Record a renewal", "discharge", "Record a discharge",
            "notification", "Record a notification by the subject", "unnotified-change",
            "Record a change the subject has not notified", "interim-end",
            "Record that the interim order ended without a full order");

    private final ServiceApi api;

    public OrderChangePages(ServiceApi api) {
        this.api = api;
    }

    private Map<String, Object> order(String orderId) {
        return api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}").build(orderId));
    }

    @GetMapping("/orders/{orderId}/{change:service|variation|renewal|discharge|notification|unnotified-change"
            + "|interim-end}")
    String form(@PathVariable String orderId, @PathVariable String change, Model model) {
        var order = order(orderId);
        return changePage(order, change, change.equals("variation") ? ConditionsVariation.current(order) : Map.of(),
                new FormErrors(), model);
    }

    /** The form of one change to the order, with what was sent and what was wrong with it. */
    private static String changePage(Map<String, Object> order, String change, Map<String, String> form,
                                     FormErrors errors, Model model) {
        model.addAttribute("order", order);
        model.addAttribute("change", change);
        model.addAttribute("heading", HEADINGS.get(change));
        FormPage.show(model, form, errors);
        return "orders/change";
    }

    @PostMapping("/orders/{orderId}/service")
    String serve(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        var at = DateFields.instant(date(form, "served", "the date it was served", errors),
                DateFields.time(form.get("servedTime"), "servedTime", "the time it was served", errors));
        return done(orderId, "service", form, errors, model, redirect, "Service recorded",
                () -> api.post(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}/service").build(orderId),
                        Map.of("servedAt", String.valueOf(at))),
                Map.of("servedAt", "served"));
    }

    @PostMapping("/orders/{orderId}/variation")
    String vary(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Map<String, Object> request = new LinkedHashMap<>();
        var variation = new ConditionsVariation(order(orderId), form);
        List<Map<String, Object>> conditions = variation.conditions(errors);
        if (conditions != null) {
            request.put("conditions", conditions);
        }
        end(form, request, errors, false);
        request.put("reason", form.getOrDefault("reason", ""));
        Map<String, String> fields = Map.of("endsOn", "endsOn", "untilFurtherOrder", "endsOn", "reason", "reason");
        return done(orderId, "variation", form, errors, model, redirect, "Variation recorded",
                () -> api.post(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}/variations").build(orderId),
                        request),
                field -> field.startsWith("conditions") ? variation.field(field) : fields.get(field));
    }

    @PostMapping("/orders/{orderId}/renewal")
    String renew(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                 RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Map<String, Object> request = new LinkedHashMap<>();
        end(form, request, errors, true);
        return done(orderId, "renewal", form, errors, model, redirect, "Renewal recorded",
                () -> api.post(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}/renewals").build(orderId),
                        request),
                Map.of("endsOn", "endsOn", "untilFurtherOrder", "endsOn"));
    }

    @PostMapping("/orders/{orderId}/discharge")
    String discharge(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                     RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("dischargedOn", date(form, "dischargedOn", "the date the court discharged the order", errors));
        request.put("reason", form.getOrDefault("reason", ""));
        return done(orderId, "discharge", form, errors, model, redirect, "Discharge recorded",
                () -> api.post(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}/discharge").build(orderId),
                        request),
                Map.of("dischargedOn", "dischargedOn", "reason", "reason"));
    }

    @PostMapping("/orders/{orderId}/interim-end")
    String endInterim(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                      RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String outcome = trimmed(form.get("outcome"));
        if (outcome == null) {
            errors.add("outcome", "Select how the interim order ended");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("outcome", outcome);
        request.put("decidedOn", date(form, "decidedOn", "the date of the decision", errors));
        return done(orderId, "interim-end", form, errors, model, redirect, "Recorded: the interim order has ended",
                () -> api.post(Service.ORDER_REGISTRY, uri -> uri.path("/orders/{id}/interim-end").build(orderId),
                        request),
                Map.of("outcome", "outcome", "decidedOn", "decidedOn"));
    }

    /** A change of name or home address the police learnt of: its own 3 days count from the day of the change. */
    @PostMapping("/orders/{orderId}/unnotified-change")
    String unnotifiedChange(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("changed", changed(form, errors));
        request.put("changedOn", date(form, "changedOn", "the date of the change", errors));
        return done(orderId, "unnotified-change", form, errors, model, redirect, "Change recorded: the subject "
                        + "must notify it within 3 days of it",
                () -> api.post(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/notification-requirement"
                        + "/changes").build(orderId), request),
                Map.of("changed", "changedName", "changedOn", "changedOn"));
    }

    /** What the form says changed: NAME, HOME_ADDRESS or both; an error when neither is chosen. */
    private static List<String> changed(Map<String, String> form, FormErrors errors) {
        List<String> changed = new java.util.ArrayList<>();
        if ("true".equals(form.get("changedName"))) {
            changed.add("NAME");
        }
        if ("true".equals(form.get("changedAddress"))) {
            changed.add("HOME_ADDRESS");
        }
        if (changed.isEmpty()) {
            errors.add("changedName", "Select what changed");
        }
        return changed;
    }

    @PostMapping("/orders/{orderId}/notification")
    String notification(@PathVariable String orderId, @RequestParam Map<String, String> form, Model model,
                        RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String kind = trimmed(form.get("kind"));
        if (kind == null) {
            errors.add("kind", "Select what the subject notified");
        }
        var at = DateFields.instant(date(form, "notified", "the date the subject notified the police", errors),
                DateFields.time(form.get("notifiedTime"), "notifiedTime", "the time of the notification", errors));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", kind);
        request.put("notifiedAt", String.valueOf(at));
        if ("CHANGE".equals(kind)) {
            request.put("changed", changed(form, errors));
            request.put("changedOn", date(form, "changedOn", "the date of the change", errors));
        }
        request.put("notifiedNames", trimmed(form.get("notifiedNames")));
        request.put("notifiedAddress", trimmed(form.get("notifiedAddress")));
        return done(orderId, "notification", form, errors, model, redirect, "Notification recorded",
                () -> api.post(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/notification-requirement"
                        + "/notifications").build(orderId), request),
                Map.of("kind", "kind", "notifiedAt", "notified", "changed", "changedName", "changedOn", "changedOn",
                        "notifiedNames", "notifiedNames", "notifiedAddress", "notifiedAddress"));
    }

    /** A new end: a date, or until further order ({@code untilFurtherOrder} checked). */
    private static void end(Map<String, String> form, Map<String, Object> request, FormErrors errors,
                            boolean required) {
        boolean untilFurther = "true".equals(form.get("untilFurtherOrder"));
        boolean dateGiven = !DateFields.blank(form.get("endsOnDay"), form.get("endsOnMonth"),
                form.get("endsOnYear"));
        if (untilFurther) {
            request.put("untilFurtherOrder", true);
        }
        if (dateGiven || (required && !untilFurther)) {
            request.put("endsOn", date(form, "endsOn", "the new end date, or choose until further order", errors));
        }
    }

    private static LocalDate date(Map<String, String> form, String name, String what, FormErrors errors) {
        return DateFields.date(form.get(name + "Day"), form.get(name + "Month"), form.get(name + "Year"), name, what,
                errors);
    }

    private String done(String orderId, String change, Map<String, String> form, FormErrors errors, Model model,
                        RedirectAttributes redirect, String success, Supplier<?> request,
                        Map<String, String> fields) {
        return done(orderId, change, form, errors, model, redirect, success, request, fields::get);
    }

    private String done(String orderId, String change, Map<String, String> form, FormErrors errors, Model model,
                        RedirectAttributes redirect, String success, Supplier<?> request,
                        Function<String, String> fields) {
        return FormPage.submit(request, errors, fields, Map.of("reason", "Enter the reason the court gave"), redirect,
                success, "/orders/" + orderId, () -> changePage(order(orderId), change, form, errors, model));
    }
}
