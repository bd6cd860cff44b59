package uk.orderwatch.notification.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Delivery statuses, as GOV.UK Notify names them. */
public enum DeliveryStatus {
    @JsonProperty("created") CREATED,
    @JsonProperty("sending") SENDING,
    @JsonProperty("delivered") DELIVERED,
    @JsonProperty("temporary-failure") TEMPORARY_FAILURE,
    @JsonProperty("permanent-failure") PERMANENT_FAILURE,
    @JsonProperty("technical-failure") TECHNICAL_FAILURE;

    /** Notify's word for a status, e.g. {@code temporary-failure}. */
    public static DeliveryStatus fromNotify(String status) {
        return switch (status) {
            case "created" -> CREATED;
            case "sending", "pending" -> SENDING;
            case "delivered", "sent" -> DELIVERED;
            case "temporary-failure" -> TEMPORARY_FAILURE;
            case "permanent-failure" -> PERMANENT_FAILURE;
            default -> TECHNICAL_FAILURE;
        };
    }

    /** Delivered, or accepted by a provider that reports delivery later: no need for another channel. */
    public boolean reached() {
        return this == DELIVERED || this == SENDING;
    }
}
