package uk.orderwatch.notification.delivery;

import jakarta.validation.constraints.NotBlank;

/** The fields of Notify's callback that orderwatch uses (Notify sends more; they are ignored). */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
@io.swagger.v3.oas.annotations.media.Schema(description = "Notify's delivery receipt; its other fields are accepted "
        + "and ignored",
        additionalProperties = io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE)
public record NotifyReceiptRequest(@NotBlank String id, String reference, @NotBlank String status) {
}
