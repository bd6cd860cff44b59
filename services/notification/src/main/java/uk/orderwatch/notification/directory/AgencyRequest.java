package uk.orderwatch.notification.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.orderwatch.schemas.events.AgencyKind;
import java.util.List;

/** An agency as an administrator records it. */
public record AgencyRequest(
        @NotNull AgencyKind kind,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Size(max = 500) List<@Valid @NotNull PersonRequest> people) {

    public record PersonRequest(
            @NotBlank @Size(max = 64) String personId,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String jobTitle,
            @Email @Size(max = 320) String email) {
    }
}
