package uk.orderwatch.compliance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import uk.orderwatch.schemas.events.Actor;

/** Who reports or records something, as a request names them: a person and the agency they act for. */
public record ActorRequest(@NotBlank @Size(max = 64) String personId, @NotBlank @Size(max = 64) String agencyId) {

    public Actor toActor() {
        return new Actor(personId, agencyId);
    }
}
