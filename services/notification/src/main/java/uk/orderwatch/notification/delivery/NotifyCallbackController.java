package uk.orderwatch.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.alerts.DeliveryStatus;
import uk.orderwatch.support.web.Problem;

/** GOV.UK Notify's delivery-status callback: Notify POSTs each SMS's status with the bearer token agreed with it. */
@RestController
@Tag(name = "Callbacks", description = "Delivery receipts from GOV.UK Notify")
public class NotifyCallbackController {

    private final DeliveryReceipts receipts;
    private final String token;

    public NotifyCallbackController(DeliveryReceipts receipts, NotificationSettings settings) {
        this.receipts = receipts;
        this.token = settings.sms().callbackToken();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/callbacks/notify")
    @Operation(summary = "Notify delivery receipt: updates the SMS delivery of the alert", description = "Called by "
            + "GOV.UK Notify, not by users: it presents the bearer token agreed with Notify (the service's "
            + "callback token), not a user's access token.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Recorded")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "401", description = "Not the agreed token",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/"
                            + uk.orderwatch.support.web.ApiDocuments.PROBLEM)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No SMS delivery of that "
            + "notification id", content = @io.swagger.v3.oas.annotations.media.Content(
                    mediaType = "application/problem+json", schema = @io.swagger.v3.oas.annotations.media.Schema(
                    ref = "#/components/schemas/" + uk.orderwatch.support.web.ApiDocuments.PROBLEM)))
    public ResponseEntity<Void> receipt(@RequestHeader(name = "Authorization", required = false) String authorization,
                                        @Valid @RequestBody NotifyReceiptRequest receipt) {
        if (token.isBlank() || authorization == null || !MessageDigest.isEqual(
                authorization.getBytes(StandardCharsets.UTF_8), ("Bearer " + token).getBytes(StandardCharsets.UTF_8))) {
            throw new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Not authorised",
                    "the callback needs the bearer token agreed with GOV.UK Notify", java.util.List.of());
        }
        if (!receipts.record(receipt.id(), DeliveryStatus.fromNotify(receipt.status()))) {
            throw Problem.notFound("Delivery", receipt.id());
        }
        return ResponseEntity.noContent().build();
    }
}
