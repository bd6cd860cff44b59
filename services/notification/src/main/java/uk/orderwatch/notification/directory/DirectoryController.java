package uk.orderwatch.notification.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
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
    private final DirectoryChanges changes;
    private final AuditLog audit;

    public DirectoryController(DirectoryService directory, DirectoryChanges changes, AuditLog audit) {
        this.directory = directory;
        this.changes = changes;
        this.audit = audit;
    }

    @PutMapping(path = "/{agencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "putAgency",
            summary = "Record an agency and its people (replaces what was recorded for that id)",
            description = "201 when new and 200 when nothing about where its alerts go changes (a name, a job "
                    + "title): recorded at once, publishing agency.recorded. A change of people's email or mobile, "
                    + "of who is in the agency, of the webhook or of the fallback answers 202 with the change, "
                    + "which takes effect only when a second person approves it (POST "
                    + "/directory/changes/{changeId}/approval); until then the agency cannot be changed otherwise "
                    + "(409 change-awaiting-approval).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Recorded: the agency "
            + "as it is now", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Recorded, new: the "
            + "agency", content = @Content(schema = @Schema(implementation = AgencyView.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "Proposed: the change "
            + "awaiting a second person's approval (Location: the change)",
            content = @Content(schema = @Schema(implementation = DirectoryChangeView.class)))
    public ResponseEntity<?> put(
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String agencyId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = ApiExamples.AGENCY)))
            @Valid @RequestBody RecordAgencyRequest request, Caller caller) {
        caller.require(Role.ADMIN);
        var outcome = changes.record(agencyId, request, caller);
        if (outcome instanceof DirectoryChanges.Outcome.Proposed p) {
            return ResponseEntity.accepted().location(java.net.URI.create("/directory/changes/"
                    + p.change().changeId())).body(DirectoryChangeView.of(p.change()));
        }
        boolean created = ((DirectoryChanges.Outcome.Recorded) outcome).created();
        return ResponseEntity.status(created ? 201 : 200).body(AgencyView.of(directory.find(agencyId).orElseThrow()));
    }

    @GetMapping
    @Operation(operationId = "listAgencies",
            summary = "Every agency in the directory", description = "ADMIN and an agency's own staff see it "
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
    @Operation(operationId = "getAgency",
            summary = "One agency", description = "Whole to ADMIN and the agency's own staff; to anyone else its "
            + "people's names and job titles only.")
    public AgencyView get(@PathVariable String agencyId, Caller caller) {
        var agency = directory.find(agencyId).map(a -> AgencyView.of(a, caller))
                .orElseThrow(() -> Problem.notFound("Agency", agencyId));
        audit.read(caller, AGENCY, agencyId);
        return agency;
    }
}
