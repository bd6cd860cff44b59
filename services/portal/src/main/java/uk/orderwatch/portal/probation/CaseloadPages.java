package uk.orderwatch.portal.probation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;

/**
 * Probation's day: the caseload (the orders their delivery unit supervises), the sessions due today, and the
 * sessions whose outcome is overdue (started, nothing recorded).
 */
@Controller
public class CaseloadPages {

    private final ServiceApi api;

    public CaseloadPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/caseload")
    @SuppressWarnings("unchecked")
    String caseload(Model model) {
        var orders = api.get(Service.ORDER_REGISTRY, uri -> uri.path("/orders").queryParam("size", 100).build());
        var today = api.get(Service.BREACH_REPORT, uri -> uri.path("/sessions/due").build());
        List<Map<String, Object>> overdue = new ArrayList<>();
        Map<Object, Object> subjects = new java.util.HashMap<>();
        Instant now = Instant.now();
        for (var order : (List<Map<String, Object>>) orders.getOrDefault("items", List.of())) {
            String orderId = String.valueOf(order.get("orderId"));
            subjects.put(orderId, ((Map<String, Object>) order.get("subject")).get("displayName"));
            for (var s : api.getList(Service.BREACH_REPORT, uri -> uri.path("/orders/{id}/sessions").build(orderId))) {
                if ("SCHEDULED".equals(s.get("status")) && Instant.parse(s.get("start").toString()).isBefore(now)) {
                    s.put("subject", ((Map<String, Object>) order.get("subject")).get("displayName"));
                    overdue.add(s);
                }
            }
        }
        overdue.sort(Comparator.comparing(s -> s.get("start").toString()));
        model.addAttribute("orders", orders);
        var todays = (List<Map<String, Object>>) today.getOrDefault("items", List.of());
        todays.forEach(s -> s.put("subject", subjects.get(s.get("orderId"))));
        model.addAttribute("today", todays);
        model.addAttribute("overdue", overdue);
        return "probation/caseload";
    }
}
