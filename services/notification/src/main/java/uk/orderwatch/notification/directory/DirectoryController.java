package uk.orderwatch.notification.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.notification.ApiExamples;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.Role;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(path = "/directory/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Directory", description = "Agencies and the people in them who receive alerts; ADMIN records them")
public class DirectoryController {

    /** What the audit log calls an agency: its record names staff and their contact details. */
    static final String AGENCY = "agency";

    private final DirectoryService directory;
    private final AuditLog audit;

    public DirectoryController(DirectoryService directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @PutMapping(path = "/{agencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an agency and its people (replaces what was recorded for that id)",
            description = "201 when new, 200 when replaced; publishes agency.recorded so orders can name the "
                    + "agency and its people.")
    public ResponseEntity<AgencyView> put(
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String agencyId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.AGENCY)))
            @Valid @RequestBody RecordAgencyRequest request, Caller caller) {
        caller.require(Role.ADMIN);
        // where alerts go is recorded before and after, so a redirection can be traced to who made it
        audit.change(caller, AGENCY, agencyId, directory.routeChanges(agencyId, request));
        boolean created = directory.record(agencyId, request);
        return ResponseEntity.status(created ? 201 : 200).body(AgencyView.of(directory.find(agencyId)
                .orElseThrow()));
    }

    @GetMapping
    @Operation(summary = "Every agency in the directory", description = "ADMIN and an agency's own staff see it "
            + "whole; other agencies are shown with their people's names and job titles only, no contacts, webhook "
            + "or escalation chain.")
    public List<AgencyView> list(Caller caller) {
        var agencies = directory.all().stream().map(a -> AgencyView.of(a, caller)).toList();
        if (!agencies.isEmpty()) {
            audit.read(caller, AGENCY, agencies.stream().map(AgencyView::agencyId).toList());
        }
        return agencies;
    }

    @GetMapping("/{agencyId}")
    @Operation(summary = "One agency", description = "Whole to ADMIN and the agency's own staff; to anyone else its "
            + "people's names and job titles only.")
    public AgencyView get(@PathVariable String agencyId, Caller caller) {
        var agency = directory.find(agencyId).map(a -> AgencyView.of(a, caller))
                .orElseThrow(() -> Problem.notFound("Agency", agencyId));
        audit.read(caller, AGENCY, agencyId);
        return agency;
    }
}
