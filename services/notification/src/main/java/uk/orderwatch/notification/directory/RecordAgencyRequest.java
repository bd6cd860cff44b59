package uk.orderwatch.notification.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import uk.orderwatch.schemas.events.AgencyKind;

/**
 * An agency as an administrator records it.
 *
 * @param fallbackPersonId the agency's 24/7 fallback: one of its people (a control room or duty post) with an email
 *                         or a mobile, or reached through the webhook; no agency is recorded without one
 */
public record RecordAgencyRequest(
        @NotNull AgencyKind kind,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 500) List<@Valid @NotNull PersonRequest> people,
        @Valid WebhookRequest webhook,
        @NotBlank @Size(max = 64) String fallbackPersonId) {

    public record PersonRequest(
            @NotBlank @Size(max = 64) String personId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String jobTitle,
            @Email @Size(max = 320) String email,
            @Pattern(regexp = "\\+?[0-9 ]{10,16}", message = "must be a phone number") String mobile,
            Boolean supervisor) {
    }

    /** Standard Webhooks: the agency verifies each POST with this secret (at least 24 characters). */
    public record WebhookRequest(@NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL")
                                 @Size(max = 500) String url,
                                 @NotBlank @Size(min = 24, max = 200) String secret) {
    }
}
