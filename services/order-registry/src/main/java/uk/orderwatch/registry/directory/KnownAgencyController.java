package uk.orderwatch.registry.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.web.Problem;

/**
 * The agencies and people an order may name, as order-registry knows them from notification's directory topic. Not
 * the directory itself: that is notification's {@code /directory/agencies}, where agencies are recorded.
 */
@RestController
@RequestMapping(path = "/known-agencies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Known agencies", description = "The agencies and people an order may name, as order-registry knows them")
public class KnownAgencyController {

    private final AgencyDirectory directory;
    private final AuditLog audit;

    public KnownAgencyController(AgencyDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/{agencyId}")
    @Operation(operationId = "getKnownAgency",
            summary = "An agency as order-registry knows it (recorded in notification's directory)")
    public KnownAgency get(@PathVariable String agencyId, Caller caller) {
        var agency = directory.find(agencyId).orElseThrow(() -> Problem.notFound("Agency", agencyId));
        audit.read(caller, "agency", agencyId); // its staff, by name
        return agency;
    }
}
