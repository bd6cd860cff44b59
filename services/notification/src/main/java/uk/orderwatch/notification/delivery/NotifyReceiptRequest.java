package uk.orderwatch.notification.delivery;

import jakarta.validation.constraints.NotBlank;

/** The fields of Notify's callback that orderwatch uses (Notify sends more; they are ignored). */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record NotifyReceiptRequest(@NotBlank String id, String reference, @NotBlank String status) {
}
