package uk.orderwatch.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.orderwatch.portal.api.ApiProblem;
import uk.orderwatch.portal.security.SignedInUser;

/**
 * What every page has (who is signed in, where they are) and what a page shows when a service refuses: one "not
 * found" page for a record that does not exist and for one the user may not see, so a page never tells them which.
 */
@ControllerAdvice
public class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final Labels labels;
    private final Formats formats;

    public PageAdvice(Labels labels, Formats formats) {
        this.labels = labels;
        this.formats = formats;
    }

    /**
     * The words and date formats, also as model variables: a fragment's parameters are evaluated in Thymeleaf's
     * restricted mode, where {@code @bean} references are not allowed.
     */
    @ModelAttribute
    void helpers(Model model) {
        model.addAttribute("labels", labels);
        model.addAttribute("fmt", formats);
    }

    @ModelAttribute("user")
    SignedInUser user(@AuthenticationPrincipal OidcUser principal) {
        return principal == null ? null : SignedInUser.of(principal);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        // model attributes are not made for an exception handler's view: the page still shows who is signed in
        var principal = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        model.addAttribute("user", principal != null && principal.getPrincipal() instanceof OidcUser oidc
                ? SignedInUser.of(oidc) : null);
        model.addAttribute("path", request.getRequestURI());
        helpers(model);
        if (problem.notFound()) {
            response.setStatus(404);
            return "error/404";
        }
        if (problem.status() == 401) {
            // the service no longer takes the user's token (signed out elsewhere, or it could not be refreshed):
            // start again at sign-in
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/";
        }
        if (problem.status() == 403) {
            response.setStatus(403);
            return "error/403";
        }
        // the service's words only: never the request, which may hold what a user typed about a victim
        log.warn("{} answered {} ({})", problem.service(), problem.status(), problem.title());
        response.setStatus(problem.status() == 0 ? 503 : problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("problem", problem);
        return "error/problem";
    }
}
