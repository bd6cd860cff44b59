package uk.orderwatch.support.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.security.Caller;

/** ADMIN only (see the security configuration). */
@RestController
@RequestMapping(path = "/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dead letters", description = "Records this service's consumers could not process, and their replay")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every dead letter of this service, with the reason and where it came from")
    public List<DeadLetters.DeadLetter> list() {
        return deadLetters.list();
    }

    @PostMapping(path = "/{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Send a dead letter back to its original topic (once), after its cause was fixed")
    public DeadLetters.DeadLetter replay(@PathVariable String topic, @PathVariable int partition,
                                         @PathVariable long offset, Caller caller) {
        return deadLetters.replay(topic, partition, offset, caller.personId());
    }
}
