package uk.orderwatch.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.orderwatch.portal.security.SignedInUser;

/** The start of each role's day: police at their orders, probation at their caseload, advocates at their alerts. */
@Controller
public class HomePage {

    @GetMapping("/")
    String home(@ModelAttribute("user") SignedInUser user) {
        if (user.police()) {
            return "redirect:/orders";
        }
        if (user.probation()) {
            return "redirect:/caseload";
        }
        if (user.advocate()) {
            return "redirect:/alerts";
        }
        return "redirect:/admin/directory";
    }

    /** Where the identity server sends the browser after sign-out. */
    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
