package uk.orderwatch.portal.alerts;

import static uk.orderwatch.portal.web.DateFields.isBlank;
import static uk.orderwatch.portal.web.DateFields.trimmed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
 * How the signed-in person is alerted: for each priority, up to three channels in order with the minutes after the
 * alert each is tried, and quiet hours that HIGH alerts ignore (notification's {@code /me/notification-rules}).
 */
@Controller
public class AlertSettingsPages {

    static final List<String> PRIORITIES = List.of("HIGH", "MEDIUM", "LOW");
    static final int ROWS = 3;
    private static final Pattern STEP_FIELD = Pattern.compile("byPriority\\.([A-Z]+)(?:\\[(\\d+)]\\.?(\\w*))?");

    private final ServiceApi api;
    private final Directory directory;

    public AlertSettingsPages(ServiceApi api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    @GetMapping("/alert-settings")
    @SuppressWarnings("unchecked")
    String show(@ModelAttribute("user") SignedInUser user, Model model) {
        var rules = api.get(Service.NOTIFICATION, uri -> uri.path("/me/notification-rules").build());
        Map<String, String> form = new HashMap<>();
        var byPriority = (Map<String, List<Map<String, Object>>>) rules.get("byPriority");
        for (String p : PRIORITIES) {
            var steps = byPriority.getOrDefault(p, List.of());
            for (int i = 0; i < steps.size() && i < ROWS; i++) {
                form.put(p + "." + i + ".channel", String.valueOf(steps.get(i).get("channel")));
                form.put(p + "." + i + ".after", String.valueOf(steps.get(i).get("afterMinutes")));
            }
        }
        if (rules.get("quietHours") instanceof Map<?, ?> quiet) {
            form.put("quietFrom", hhmm(quiet.get("from")));
            form.put("quietTo", hhmm(quiet.get("to")));
        }
        return page(String.valueOf(rules.get("source")), form, new FormErrors(), user, model);
    }

    @PostMapping("/alert-settings")
    String save(@RequestParam Map<String, String> form, @ModelAttribute("user") SignedInUser user, Model model,
                RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Map<String, Object> byPriority = new LinkedHashMap<>();
        for (String p : PRIORITIES) {
            List<Map<String, Object>> steps = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                String channel = trimmed(form.get(p + "." + i + ".channel"));
                String after = trimmed(form.get(p + "." + i + ".after"));
                if (channel == null) {
                    continue;
                }
                if (after != null && !after.matches("\\d{1,3}")) {
                    errors.add(p + "." + i + ".after", "Enter the minutes as a whole number, like 5");
                    continue;
                }
                steps.add(Map.of("channel", channel, "afterMinutes", after == null ? 0 : Integer.parseInt(after)));
            }
            byPriority.put(p, steps);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("byPriority", byPriority);
        boolean from = !isBlank(form.get("quietFrom"));
        boolean to = !isBlank(form.get("quietTo"));
        if (from != to) {
            errors.add(from ? "quietTo" : "quietFrom", "Enter when quiet hours start and when they end, or neither");
        } else if (from) {
            request.put("quietHours", Map.of("from", form.get("quietFrom").trim(), "to", form.get("quietTo").trim()));
        }
        return FormPage.submit(() -> api.put(Service.NOTIFICATION, uri -> uri.path("/me/notification-rules").build(),
                request), errors, AlertSettingsPages::field, Map.of(), redirect,
                "Saved. Alerts reach you this way from now on.", "/alert-settings",
                () -> page(null, form, errors, user, model));
    }

    private String page(String source, Map<String, String> form, FormErrors errors, SignedInUser user,
                        Model model) {
        model.addAttribute("source", source);
        model.addAttribute("contacts", contacts(user));
        model.addAttribute("priorities", PRIORITIES);
        model.addAttribute("rows", List.of(0, 1, 2));
        FormPage.show(model, form, errors);
        return "alerts/settings";
    }

    /** What the directory has to reach the person by, in words: a channel without an address is passed over. */
    @SuppressWarnings("unchecked")
    private String contacts(SignedInUser user) {
        var agency = directory.agencies().stream().filter(a -> user.agencyId().equals(a.get("agencyId")))
                .findFirst().orElse(Map.of());
        var person = ((List<Map<String, Object>>) agency.getOrDefault("people", List.of())).stream()
                .filter(p -> user.personId().equals(p.get("personId"))).findFirst().orElse(Map.of());
        return "The directory has for you: " + (person.get("email") != null ? "email " + person.get("email")
                : "no email") + "; " + (person.get("mobile") != null ? "mobile " + person.get("mobile")
                : "no mobile number") + "; " + (agency.get("webhookUrl") != null ? "your agency’s own system"
                : "no system of your agency’s") + ". A channel it has no address for is passed over; your "
                + "administrator changes the directory.";
    }

    /** The form field of a refusal of {@code byPriority.HIGH[1].afterMinutes} and the like. */
    static String field(String requestField) {
        Matcher m = STEP_FIELD.matcher(requestField);
        if (m.matches()) {
            String row = m.group(2) == null ? "0" : m.group(2);
            String part = "afterMinutes".equals(m.group(3)) ? "after" : "channel";
            return m.group(1) + "." + row + "." + part;
        }
        return requestField.startsWith("quietHours") ? "quietFrom" : null;
    }

    private static String hhmm(Object time) {
        String t = String.valueOf(time);
        return t.length() >= 5 ? t.substring(0, 5) : t;
    }
}
