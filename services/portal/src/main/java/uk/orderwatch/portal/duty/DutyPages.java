package uk.orderwatch.portal.duty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.orderwatch.portal.api.ApiProblem;
import uk.orderwatch.portal.api.Directory;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;
import uk.orderwatch.portal.security.SignedInUser;

/**
 * Who is on duty in the signed-in person's agency now, its rotas, and where an alert nobody takes on goes next, in
 * words (notification's {@code /directory/agencies/{id}/duty}). Changed through the API.
 */
@Controller
public class DutyPages {

    private final ServiceApi api;
    private final Directory directory;

    public DutyPages(ServiceApi api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    /** One rota as the page shows it: who is on now, and each layer in words. */
    public record RotaView(String name, String onDutyNow, List<String> layers, boolean unassigned) {
    }

    @GetMapping("/duty")
    @SuppressWarnings("unchecked")
    String duty(@ModelAttribute("user") SignedInUser user, Model model) {
        String agencyId = user.agencyId();
        var duty = api.get(Service.NOTIFICATION, uri -> uri.path("/directory/agencies/{id}/duty").build(agencyId));
        var names = directory.names();
        List<RotaView> rotas = new ArrayList<>();
        var byId = (Map<String, Map<String, Object>>) duty.getOrDefault("rotas", Map.of());
        byId.forEach((rotaId, rota) -> {
            String now;
            try {
                now = names.get(String.valueOf(api.get(Service.NOTIFICATION, uri -> uri
                        .path("/directory/agencies/{id}/duty/rotas/{rota}/on-duty").build(agencyId, rotaId))
                        .get("personId")));
            } catch (ApiProblem p) {
                if (p.status() != 422) {
                    throw p;
                }
                now = "Nobody: it is outside this rota’s hours";
            }
            List<String> layers = new ArrayList<>();
            for (var layer : (List<Map<String, Object>>) rota.getOrDefault("layers", List.of())) {
                var members = ((List<String>) layer.get("members")).stream().map(names::get).toList();
                var hours = (List<Map<String, Object>>) layer.getOrDefault("hours", List.of());
                layers.add(layer.get("name") + ": " + String.join("; ", members) + " in turns of "
                        + layer.get("turnHours") + " hours" + (hours.isEmpty() ? ", at every hour"
                        : ", " + String.join(" and ", hours.stream().map(DutyPages::hours).toList())));
            }
            rotas.add(new RotaView(String.valueOf(rota.get("name")), now, layers,
                    rotaId.equals(duty.get("unassignedRotaId"))));
        });
        var fallback = directory.agencies().stream().filter(a -> agencyId.equals(a.get("agencyId"))).findFirst()
                .flatMap(a -> ((List<Map<String, Object>>) a.getOrDefault("people", List.of())).stream()
                        .filter(p -> p.get("personId").equals(a.get("fallbackPersonId"))).findFirst())
                .map(p -> String.valueOf(p.get("name"))).orElse("your agency’s");
        model.addAttribute("rotas", rotas);
        model.addAttribute("policy", steps((Map<String, Object>) duty.get("policy"), byId, names, fallback));
        model.addAttribute("highPriority", steps((Map<String, Object>) duty.get("highPriority"), byId, names,
                fallback));
        return "duty/show";
    }

    /** A policy's steps in words; null when the agency recorded none (the standard one applies). */
    @SuppressWarnings("unchecked")
    private static List<String> steps(Map<String, Object> policy, Map<String, Map<String, Object>> rotas,
                                      Map<String, String> names, String fallback) {
        if (policy == null) {
            return null;
        }
        List<String> steps = new ArrayList<>();
        for (var step : (List<Map<String, Object>>) policy.get("steps")) {
            String who = switch (String.valueOf(step.get("who"))) {
                case "ASSIGNED" -> "the person the alert was raised for";
                case "ON_DUTY" -> "whoever is on duty on " + rotas.getOrDefault(String.valueOf(step.get("rotaId")),
                        Map.of()).getOrDefault("name", step.get("rotaId"));
                case "PERSON" -> names.get(String.valueOf(step.get("personId")));
                case "GROUP" -> String.join(" and ", ((List<String>) step.get("personIds")).stream()
                        .map(names::get).toList()) + ", each at once";
                default -> "the 24/7 fallback, " + fallback;
            };
            steps.add(who + ", who has " + step.get("waitMinutes") + " minutes to acknowledge");
        }
        Object repeat = policy.get("repeat");
        if (repeat instanceof Number n && n.intValue() > 0) {
            steps.add("then all of it again, " + n.intValue() + (n.intValue() == 1 ? " more time" : " more times"));
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static String hours(Map<String, Object> h) {
        var days = ((List<String>) h.get("days")).stream().map(d -> d.charAt(0) + d.substring(1, 3).toLowerCase())
                .toList();
        return (days.size() == 7 ? "every day" : String.join(", ", days)) + " " + time(h.get("from")) + " to "
                + time(h.get("to"));
    }

    private static String time(Object t) {
        String s = String.valueOf(t);
        return s.length() >= 5 ? s.substring(0, 5) : s;
    }
}
