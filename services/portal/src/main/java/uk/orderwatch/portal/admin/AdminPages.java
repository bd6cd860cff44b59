package uk.orderwatch.portal.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
 * ADMIN's pages: the agency directory (who receives alerts, and the escalation chains) to read and to record, the
 * audit log of all three
 * services searched at once, and each service's dead letters with a replay button. ADMIN sees no case data: the
 * services refuse it, and these pages show ids only.
 */
@Controller
public class AdminPages {

    private final ServiceApi api;

    public AdminPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/admin/directory")
    String directory(Model model) {
        var agencies = new ArrayList<>(api.getList(Service.NOTIFICATION, uri -> uri.path("/directory/agencies")
                .build()));
        agencies.sort(Comparator.comparing(a -> String.valueOf(a.get("name"))));
        model.addAttribute("agencies", agencies);
        return "admin/directory";
    }

    @GetMapping({"/admin/directory/new", "/admin/directory/{agencyId}"})
    String agency(@PathVariable(required = false) String agencyId, Model model) {
        var agency = agencyId == null ? Map.<String, Object>of()
                : api.get(Service.NOTIFICATION, uri -> uri.path("/directory/agencies/{id}").build(agencyId));
        return agencyPage(AgencyForm.of(agency), agencyId, new FormErrors(), model);
    }

    /** Records an agency: the directory replaces what it held under that id with the form's content. */
    @PostMapping("/admin/directory")
    String record(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
        var form = new AgencyForm(values);
        var errors = new FormErrors();
        var request = form.request(errors);
        String agencyId = values.getOrDefault("agencyId", "").trim();
        boolean existing = "true".equals(values.get("existing"));
        var answer = new java.util.concurrent.atomic.AtomicReference<Map<String, Object>>();
        if (request != null && FormPage.send(() -> {
            answer.set(api.put(Service.NOTIFICATION, uri -> uri.path("/directory/agencies/{id}").build(agencyId),
                    request));
            return answer.get();
        }, errors, form::field, Map.of("name", "Enter the agency’s name"))) {
            if (answer.get() != null && answer.get().containsKey("changeId")) {
                // where its alerts go changes: that waits for a second person
                redirect.addFlashAttribute("success", "The change to " + request.get("name") + " waits for a "
                        + "second person’s approval: another administrator or a supervisor of the agency");
                return "redirect:/directory-changes";
            }
            redirect.addFlashAttribute("success", "Agency " + request.get("name") + " recorded");
            return "redirect:/admin/directory";
        }
        return agencyPage(form, existing ? agencyId : null, errors, model);
    }

    private String agencyPage(AgencyForm form, String agencyId, FormErrors errors, Model model) {
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, form.rows()).boxed().toList());
        FormPage.show(model, form.values(), errors);
        return "admin/agency";
    }

    @GetMapping("/admin/audit")
    @SuppressWarnings("unchecked")
    String audit(@RequestParam(required = false) String recordId, @RequestParam(required = false) String personId,
                 @RequestParam(required = false) String action, Model model) {
        boolean searched = recordId != null || personId != null || action != null;
        List<Map<String, Object>> entries = new ArrayList<>();
        if (searched) {
            for (Service service : Service.values()) {
                var page = api.get(service, uri -> uri.path("/admin/audit")
                        .queryParamIfPresent("recordId", DateFields.given(recordId))
                        .queryParamIfPresent("personId", DateFields.given(personId))
                        .queryParamIfPresent("action", DateFields.given(action))
                        .queryParam("size", 100).build());
                for (var e : (List<Map<String, Object>>) page.getOrDefault("items", List.of())) {
                    e.put("service", service.name());
                    entries.add(e);
                }
            }
            entries.sort(Comparator.comparing((Map<String, Object> e) -> String.valueOf(e.get("at"))).reversed());
        }
        model.addAttribute("entries", entries);
        model.addAttribute("searched", searched);
        model.addAttribute("recordId", recordId);
        model.addAttribute("personId", personId);
        model.addAttribute("action", action);
        return "admin/audit";
    }

    @GetMapping("/admin/dead-letters")
    String deadLetters(Model model) {
        return deadLetters(new FormErrors(), model);
    }

    private String deadLetters(FormErrors errors, Model model) {
        FormPage.show(model, Map.of(), errors);
        Map<Service, List<Map<String, Object>>> letters = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            letters.put(service, api.getList(service, uri -> uri.path("/admin/dead-letters").build()));
        }
        model.addAttribute("letters", letters);
        return "admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{service}/{topic}/{partition}/{offset}/replay")
    String replay(@PathVariable Service service, @PathVariable String topic, @PathVariable int partition,
                  @PathVariable long offset, Model model, RedirectAttributes redirect) {
        var errors = new FormErrors();
        // the service hands it to its own consumer again; one that still fails is answered with the reason
        return FormPage.submit(() -> api.post(service, uri -> uri.path("/admin/dead-letters/{t}/{p}/{o}/replay")
                .build(topic, partition, offset), null), errors, field -> null, Map.of(), redirect,
                "The event was processed again", "/admin/dead-letters",
                () -> deadLetters(errors, model));
    }

}
