package uk.orderwatch.portal.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;
import uk.orderwatch.portal.web.FormErrors;
import uk.orderwatch.portal.web.FormPage;

/**
 * Changes of where an agency's alerts go, for the second person: ADMIN sees every agency's, a supervisor their own
 * agency's. Each shows what changes, before and after, and who proposed it; approving makes it take effect and tells
 * the old and new contacts; rejecting leaves the agency as it was. The service refuses the proposer's own approval.
 */
@Controller
public class DirectoryChangePages {

    private static final Map<String, String> ASKS = Map.of();

    private final ServiceApi api;

    public DirectoryChangePages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/directory-changes")
    String changes(Model model) {
        return page(new FormErrors(), model);
    }

    @PostMapping("/directory-changes/{changeId}/{decision:approval|rejection}")
    String decide(@PathVariable String changeId, @PathVariable String decision, Model model,
                  RedirectAttributes redirect) {
        var errors = new FormErrors();
        return FormPage.submit(() -> api.post(Service.NOTIFICATION, uri -> uri.path("/directory/changes/{id}/{d}")
                .build(changeId, decision), null), errors, field -> null, ASKS, redirect, decision.equals("approval")
                    ? "Change approved. It has taken effect, and the old and new contacts are being told."
                    : "Change rejected. The agency stays as it was.", "/directory-changes",
                () -> page(errors, model));
    }

    private String page(FormErrors errors, Model model) {
        List<Map<String, Object>> all = api.getList(Service.NOTIFICATION, uri -> uri.path("/directory/changes")
                .build());
        List<Map<String, Object>> pending = new ArrayList<>();
        List<Map<String, Object>> decided = new ArrayList<>();
        all.forEach(c -> ("PENDING".equals(c.get("status")) ? pending : decided).add(c));
        model.addAttribute("pending", pending);
        model.addAttribute("decided", decided.stream().limit(20).toList());
        FormPage.show(model, Map.of(), errors);
        return "directory/changes";
    }
}
