package uk.orderwatch.portal.web;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.orderwatch.portal.api.ApiProblem;

/**
 * The pattern every small form follows: read the form, send the request, and on a refusal of the request (400,
 * 409, 422) show the form again with the service's reasons at their fields; any other refusal goes to the error
 * pages.
 */
public final class FormPage {

    private static final Set<Integer> REFUSALS = Set.of(400, 409, 422);

    private FormPage() {
    }

    /** The model a form page renders: the values sent and the errors. */
    public static void show(Model model, Map<String, String> form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    /**
     * The whole of a form's post: sends the request (as {@link #send}); accepted, the browser goes to {@code then}
     * with {@code success} to show; refused, {@code again} shows the form again with the service's reasons.
     */
    public static String submit(Supplier<?> request, FormErrors errors, Function<String, String> fields,
                                Map<String, String> asks, RedirectAttributes redirect, String success, String then,
                                Supplier<String> again) {
        if (send(request, errors, fields, asks)) {
            redirect.addFlashAttribute("success", success);
            return "redirect:" + then;
        }
        return again.get();
    }

    /**
     * Sends the request unless the form already has errors; returns true when the service accepted it, false
     * with the reasons added to {@code errors} when it refused.
     *
     * @param fields request field to form field; a request field without one is shown at the top of the form
     */
    public static boolean send(Supplier<?> request, FormErrors errors, Function<String, String> fields,
                               Map<String, String> asks) {
        if (!errors.isEmpty()) {
            return false;
        }
        try {
            request.get();
            return true;
        } catch (ApiProblem problem) {
            if (!REFUSALS.contains(problem.status())) {
                throw problem;
            }
            errors.add(problem, fields, asks);
            return false;
        }
    }
}
