package uk.orderwatch.portal.alerts;

import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import uk.orderwatch.portal.api.Directory;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;
import uk.orderwatch.portal.security.SignedInUser;
import uk.orderwatch.portal.web.FormErrors;
import uk.orderwatch.portal.web.FormPage;

/**
 * The alert inbox (all, unread, not yet acknowledged; new alerts appear live), one alert with its deliveries and
 * acknowledgement, acknowledging with a note, and a supervisor's view of the team's unacknowledged alerts, oldest
 * first.
 */
@Controller
public class AlertPages {

    private final ServiceApi api;
    private final Directory directory;

    public AlertPages(ServiceApi api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    @GetMapping("/alerts")
    String inbox(@RequestParam(defaultValue = "all") String show, @RequestParam(defaultValue = "0") int page,
                 @ModelAttribute("user") SignedInUser user, Model model) {
        String filter = List.of("unread", "unacknowledged").contains(show) ? show : "all";
        var result = api.get(Service.NOTIFICATION, uri -> {
            uri.path("/alerts").queryParam("page", Math.max(page, 0)).queryParam("size", 20);
            if (user.supervisor()) {
                // a supervisor's own inbox; the team's alerts have their own page
                uri.queryParam("personId", user.personId());
            }
            if (!filter.equals("all")) {
                uri.queryParam(filter, true);
            }
            return uri.build();
        });
        model.addAttribute("result", result);
        model.addAttribute("show", filter);
        model.addAttribute("page", Math.max(page, 0));
        return "alerts/inbox";
    }

    @GetMapping("/team-alerts")
    @SuppressWarnings("unchecked")
    String team(Model model) {
        var result = api.get(Service.NOTIFICATION, uri -> uri.path("/alerts").queryParam("unacknowledged", true)
                .queryParam("size", 100).build());
        List<Map<String, Object>> alerts = new ArrayList<>((List<Map<String, Object>>) result.get("items"));
        alerts.sort(Comparator.comparing(a -> String.valueOf(a.get("raisedAt"))));
        model.addAttribute("alerts", alerts);
        model.addAttribute("total", result.get("total"));
        model.addAttribute("names", directory.names());
        return "alerts/team";
    }

    @GetMapping("/alerts/{alertId}")
    String alert(@PathVariable String alertId, @ModelAttribute("user") SignedInUser user, Model model) {
        var alert = api.get(Service.NOTIFICATION, uri -> uri.path("/alerts/{id}").build(alertId));
        if (alert.get("readAt") == null && isRecipient(alert, user)) {
            alert = api.post(Service.NOTIFICATION, uri -> uri.path("/alerts/{id}/read").build(alertId), null);
        }
        return page(alert, user, Map.of(), new FormErrors(), model);
    }

    @PostMapping("/alerts/{alertId}/acknowledgement")
    String acknowledge(@PathVariable String alertId, @RequestParam Map<String, String> form,
                       @ModelAttribute("user") SignedInUser user, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Map<String, Object> request = new HashMap<>();
        request.put("note", trimmed(form.get("note")));
        String as = trimmed(form.get("as"));
        if (as != null) {
            request.put("as", as);
        }
        if ("true".equals(form.get("acting")) && as == null) {
            errors.add("as", "Select whether they are dealing with it or you are taking it over");
        } else if (FormPage.send(() -> api.post(Service.NOTIFICATION, uri -> uri.path("/alerts/{id}/acknowledgements")
                .build(alertId), request), errors, Map.of("note", "note", "as", "as")::get, Map.of())) {
            redirect.addFlashAttribute("success", "TAKING_OVER".equals(as)
                    ? "You have taken this alert over. Its escalation has stopped."
                    : "Alert acknowledged. Its escalation has stopped.");
            return "redirect:/alerts/" + alertId;
        }
        return page(api.get(Service.NOTIFICATION, uri -> uri.path("/alerts/{id}").build(alertId)), user, form, errors,
                model);
    }

    /** A supervisor hands the alert to a colleague in the recipient's agency. */
    @PostMapping("/alerts/{alertId}/reassignment")
    String reassign(@PathVariable String alertId, @RequestParam Map<String, String> form,
                    @ModelAttribute("user") SignedInUser user, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String personId = trimmed(form.get("personId"));
        if (personId == null) {
            errors.add("personId", "Select the colleague to hand the alert to");
        } else if (FormPage.send(() -> api.post(Service.NOTIFICATION, uri -> uri.path("/alerts/{id}/reassignments")
                .build(alertId), Map.of("personId", personId)), errors, Map.of("personId", "personId")::get,
                Map.of())) {
            redirect.addFlashAttribute("success", "Handed to " + directory.names().get(personId) + ", who has an "
                    + "alert of their own to acknowledge.");
            return "redirect:/alerts/" + alertId;
        }
        return page(api.get(Service.NOTIFICATION, uri -> uri.path("/alerts/{id}").build(alertId)), user, form, errors,
                model);
    }

    /**
     * The alert: its recipient is offered acknowledgement; a supervisor of their agency (who sees it) acknowledging
     * on their behalf, taking it over, or handing it to a colleague.
     */
    @SuppressWarnings("unchecked")
    private String page(Map<String, Object> alert, SignedInUser user, Map<String, String> form, FormErrors errors,
                        Model model) {
        boolean recipient = isRecipient(alert, user);
        model.addAttribute("alert", alert);
        model.addAttribute("recipient", recipient);
        boolean supervising = !recipient && user.supervisor();
        model.addAttribute("supervising", supervising);
        if (supervising) {
            var r = (Map<String, Object>) alert.get("recipient");
            var colleagues = new java.util.LinkedHashMap<>(directory.people(String.valueOf(r.get("agencyId"))));
            colleagues.remove(String.valueOf(r.get("personId")));
            model.addAttribute("colleagues", colleagues);
        }
        model.addAttribute("names", directory.names());
        FormPage.show(model, form, errors);
        return "alerts/show";
    }

    private static boolean isRecipient(Map<String, Object> alert, SignedInUser user) {
        return alert.get("recipient") instanceof Map<?, ?> r && user.personId().equals(r.get("personId"));
    }
}
