package uk.orderwatch.notification.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.security.Caller;

@RestController
@Validated
@RequestMapping(path = "/directory/agencies/{agencyId}/duty", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Duty", description = "Agencies' duty rotas and escalation policies: who an alert reaches at any hour. "
        + "The agency's supervisors (or ADMIN) change them; its staff read them.")
public class DutyController {

    private static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

    private final DutyService duty;
    private final Clock clock;

    public DutyController(DutyService duty, Clock clock) {
        this.duty = duty;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "getDuty",
            summary = "The agency's rotas and escalation policies", description = "version 0 and no policy: "
            + "none recorded, so an alert walks the standard policy (the assigned person, then the fallback).")
    public AgencyDuty get(@PathVariable String agencyId, Caller caller) {
        return duty.read(agencyId, caller);
    }

    @PutMapping(path = "/rotas/{rotaId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a rota's layers (its covers are kept)", description = "422 policy-reaches-someone "
            + "when an escalation policy ends at this rota and the new layers leave hours of the week uncovered; "
            + "the problem names them.")
    public AgencyDuty putRota(@PathVariable String agencyId, @PathVariable @Pattern(regexp = ID) String rotaId,
                              @Valid @RequestBody DutyRequests.RotaRequest request, Caller caller) {
        return duty.recordRota(agencyId, rotaId, request, caller);
    }

    @DeleteMapping("/rotas/{rotaId}")
    @Operation(summary = "Remove a rota no escalation policy uses", description = "422 rota-in-use otherwise.")
    public AgencyDuty deleteRota(@PathVariable String agencyId, @PathVariable String rotaId, Caller caller) {
        return duty.removeRota(agencyId, rotaId, caller);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping(path = "/rotas/{rotaId}/covers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Someone covers on the rota for a while (leave, sickness, a swap)", description = "With "
            + "replaces: only the turns of that member; without: the whole rota. Safe to retry with an "
            + "Idempotency-Key.")
    public ResponseEntity<Rota.Cover> addCover(@PathVariable String agencyId, @PathVariable String rotaId,
                                               @Valid @RequestBody DutyRequests.CoverRequest request, Caller caller) {
        var cover = duty.addCover(agencyId, rotaId, request, caller);
        return ResponseEntity.created(URI.create("/directory/agencies/" + agencyId + "/duty/rotas/" + rotaId
                + "/covers/" + cover.coverId())).body(cover);
    }

    @PutMapping(path = "/rotas/{rotaId}/shifts", consumes = "text/calendar")
    @Operation(summary = "Import the rota's shifts from the agency's rostering system (iCalendar, RFC 5545)",
            description = "Each VEVENT in the next 90 days (recurrences written out) is a shift of the person it "
                    + "names: an ATTENDEE with their email, or their person id or name as the SUMMARY. Shifts take "
                    + "precedence over the rota's layers while they last and replace those imported before; 422 "
                    + "agency-person names a shift that names nobody of the agency, and nothing is changed.")
    public DutyService.ShiftsImported importShifts(@PathVariable String agencyId, @PathVariable String rotaId,
                                                   @RequestBody String calendar, Caller caller) {
        return duty.importShifts(agencyId, rotaId, calendar, caller);
    }

    @DeleteMapping("/rotas/{rotaId}/covers/{coverId}")
    @Operation(summary = "Remove a cover")
    public AgencyDuty deleteCover(@PathVariable String agencyId, @PathVariable String rotaId,
                                  @PathVariable String coverId, Caller caller) {
        return duty.removeCover(agencyId, rotaId, coverId, caller);
    }

    @GetMapping("/rotas/{rotaId}/on-duty")
    @Operation(summary = "Who is on duty on the rota at a time (now when not given)", description = "422 "
            + "someone-on-duty when the time falls outside every layer's hours.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Who is on duty",
            useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", description = "Nobody: the time "
            + "falls outside every layer's hours (someone-on-duty)", content = @io.swagger.v3.oas.annotations.media
            .Content(mediaType = "application/problem+json", schema = @io.swagger.v3.oas.annotations.media.Schema(
            ref = "#/components/schemas/" + uk.orderwatch.support.web.ApiDocuments.PROBLEM)))
    public Rota.OnDuty onDuty(@PathVariable String agencyId, @PathVariable String rotaId,
                              @RequestParam(required = false) Instant at, Caller caller) {
        return duty.onDuty(agencyId, rotaId, at == null ? clock.instant() : at, caller);
    }

    @PutMapping(path = "/escalation-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the agency's escalation policies", description = "The first step is ASSIGNED; the "
            + "last must reach a human at every hour (FALLBACK, or ON_DUTY on a rota that covers the whole week): "
            + "422 policy-reaches-someone otherwise, naming the uncovered hours.")
    public AgencyDuty putPolicies(@PathVariable String agencyId,
                                  @Valid @RequestBody DutyRequests.PoliciesRequest request, Caller caller) {
        return duty.recordPolicies(agencyId, request, caller);
    }
}
