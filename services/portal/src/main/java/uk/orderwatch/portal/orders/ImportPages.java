package uk.orderwatch.portal.orders;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.portal.api.ApiProblem;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;
import uk.orderwatch.portal.web.FormErrors;

/**
 * Bringing a force's existing orders in from a JSON file (the import document order-registry describes): every
 * problem of every order is shown before anything is stored; a file that came in says how many orders.
 */
@Controller
public class ImportPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceApi api;

    public ImportPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/orders/imports/new")
    String form(Model model) {
        return page(model, new FormErrors(), List.of(), null);
    }

    @PostMapping("/orders/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(name = "idempotencyKey", required = false) String key, Model model) {
        FormErrors errors = new FormErrors();
        if (file == null || file.isEmpty()) {
            errors.add("file", "Choose the file of orders to bring in");
            return page(model, errors, List.of(), key);
        }
        Map<String, Object> body;
        try {
            body = JSON.readValue(file.getBytes(), Map.class);
        } catch (JacksonException | IOException e) {
            errors.add("file", "The file must be a JSON import document: {\"orders\": [...]}");
            return page(model, errors, List.of(), key);
        }
        try {
            var done = api.post(Service.ORDER_REGISTRY, uri -> uri.path("/orders/imports").build(), body, key);
            model.addAttribute("imported", ((List<?>) done.get("orderIds")).size());
            return page(model, errors, List.of(), null);
        } catch (ApiProblem problem) {
            if (problem.status() != 400 && problem.status() != 422 && problem.status() != 413) {
                throw problem;
            }
            errors.add("file", problem.detail() != null ? problem.detail() : problem.title());
            return page(model, errors, problem.errors(), key);
        }
    }

    private String page(Model model, FormErrors errors, List<ApiProblem.FieldError> problems, String key) {
        model.addAttribute("errors", errors);
        model.addAttribute("problems", problems);
        model.addAttribute("form", Map.of("idempotencyKey", key != null ? key : UUID.randomUUID().toString()));
        return "orders/import";
    }
}
