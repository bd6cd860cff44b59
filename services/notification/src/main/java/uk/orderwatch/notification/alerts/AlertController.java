package uk.orderwatch.notification.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.web.PageResult;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(path = "/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Alerts", description = "Alerts raised for the police, probation and advocates")
public class AlertController {

    private final AlertService alerts;

    public AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Alerts, newest first",
            description = "Filter by recipient (personId), by agency (agencyId) and by order (orderId).")
    public PageResult<AlertView> list(
            @Parameter(description = "the recipient") @RequestParam(required = false) String personId,
            @Parameter(description = "the recipient's agency") @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String orderId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return alerts.search(personId, agencyId, orderId, page, size);
    }

    @GetMapping("/{alertId}")
    @Operation(summary = "One alert")
    public AlertView get(@PathVariable String alertId) {
        return alerts.find(alertId).map(AlertView::of).orElseThrow(() -> Problem.notFound("Alert", alertId));
    }
}
