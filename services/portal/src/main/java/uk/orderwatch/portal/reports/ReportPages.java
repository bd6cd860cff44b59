package uk.orderwatch.portal.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import uk.orderwatch.portal.api.Directory;
import uk.orderwatch.portal.api.Service;
import uk.orderwatch.portal.api.ServiceApi;
import uk.orderwatch.portal.web.Labels;

/**
 * Reports for supervisors (their own agency) and administrators (every agency): counts only, each from the service
 * that holds the records, to read here or download as CSV. The services decide who may read them.
 */
@Controller
public class ReportPages {

    /** One report: its heading, the service that answers it and where. */
    record Source(String heading, Service service, String path) {
    }

    static final Map<String, Source> REPORTS = new LinkedHashMap<>();

    static {
        REPORTS.put("orders-by-status", new Source("Orders by status", Service.ORDER_REGISTRY,
                "/reports/orders-by-status"));
        REPORTS.put("compliance-by-month", new Source("Breaches, missed sessions and enforcement reviews by month",
                Service.BREACH_REPORT, "/reports/monthly"));
        REPORTS.put("alert-acknowledgements", new Source("Alerts and how quickly they were acknowledged (last 90 "
                + "days)", Service.NOTIFICATION, "/reports/acknowledgements"));
    }

    private final ServiceApi api;
    private final Labels labels;
    private final Directory directory;

    public ReportPages(ServiceApi api, Labels labels, Directory directory) {
        this.api = api;
        this.labels = labels;
        this.directory = directory;
    }

    @GetMapping("/reports")
    String reports(Model model) {
        var names = directory.names();
        Map<String, Object> reports = new LinkedHashMap<>();
        REPORTS.forEach((name, source) -> reports.put(name, Map.of("heading", source.heading(), "report",
                inWords(api.get(source.service(), uri -> uri.path(source.path()).build()), names))));
        model.addAttribute("reports", reports);
        return "reports/list";
    }

    /** The report with its codes in words: agencies by name, types, statuses and priorities as the pages say them. */
    @SuppressWarnings("unchecked")
    Map<String, Object> inWords(Map<String, Object> report, Map<String, String> names) {
        var columns = (List<String>) report.get("columns");
        var rows = ((List<List<Object>>) report.get("rows")).stream().map(row -> {
            List<Object> words = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                words.add(switch (columns.get(i)) {
                    case "force", "agency" -> names.get(String.valueOf(v));
                    case "type", "status", "priority" -> labels.of(columns.get(i), v);
                    default -> v;
                });
            }
            return words;
        }).toList();
        return Map.of("columns", columns, "rows", rows);
    }

    @GetMapping("/reports/{name}.csv")
    ResponseEntity<String> download(@PathVariable String name) {
        Source source = REPORTS.get(name);
        if (source == null) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        String csv = api.csv(source.service(), uri -> uri.path(source.path()).queryParam("format", "csv").build());
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv")
                        .build().toString()).body(csv);
    }
}
