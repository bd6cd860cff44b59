package uk.orderwatch.support.reports;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

/**
 * A report an agency asks for: counts only, never a name, an address or a record's words. Each service answers its
 * part, as JSON or, with {@code format=csv}, as a CSV download (RFC 4180).
 *
 * @param name    what the report is, also its file name
 * @param columns the column headings
 * @param rows    one list of values per row, in the columns' order
 */
public record Report(String name, List<String> columns, List<List<Object>> rows) {

    /**
     * Who reads reports: ADMIN, across every agency, and a supervisor, of their own agency. Answers the agency to
     * count for, or null for every agency.
     */
    public static String scope(Caller caller) {
        if (caller.is(Role.ADMIN)) {
            return null;
        }
        if (!caller.supervisor()) {
            throw Problem.forbidden("reports are for supervisors and administrators");
        }
        return caller.agencyId();
    }

    /** The report as JSON, or as a CSV file when {@code format} is {@code csv}. */
    public ResponseEntity<?> answer(String format) {
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this);
        }
        if (!format.equals("csv")) {
            throw Problem.invalid("format", "is json or csv");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv")
                        .build().toString())
                .body(csv());
    }

    /** The report as CSV: a heading line, then one line per row, each field quoted where it must be. */
    public String csv() {
        StringBuilder out = new StringBuilder(line(columns.stream().map(c -> (Object) c).toList()));
        rows.forEach(r -> out.append(line(r)));
        return out.toString();
    }

    private static String line(List<Object> values) {
        return values.stream().map(Report::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        // a leading =, +, - or @ is made text, so a spreadsheet does not run it as a formula
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
