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
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.security.Caller;

/** ADMIN only (see the security configuration). */
@RestController
@RequestMapping(path = "/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dead letters", description = "Records this service's consumers could not process, and their replay")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final AuditLog audit;

    public DeadLetterController(DeadLetters deadLetters, AuditLog audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters",
            summary = "Every dead letter of this service: its event's type and id, the key, the reason and where "
            + "it came from; never the record's content")
    public List<DeadLetters.DeadLetter> list(Caller caller) {
        var letters = deadLetters.list();
        audit.read(caller, DeadLetters.AUDIT_RESOURCE, letters.stream().map(DeadLetters.DeadLetter::id).toList());
        return letters;
    }

    @PostMapping(path = "/{topic}/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter",
            summary = "Process a dead letter again (once), after its cause was fixed",
            description = "Hands it to this service's consumer of its original topic; 409 replay-failed with the "
                    + "reason when it fails again (it can be tried again), 409 replay-once when it was replayed.")
    public DeadLetters.DeadLetter replay(@PathVariable String topic, @PathVariable int partition,
                                         @PathVariable long offset, Caller caller) {
        audit.change(caller, DeadLetters.AUDIT_RESOURCE, topic + "/" + partition + "/" + offset);
        return deadLetters.replay(topic, partition, offset, caller.personId());
    }
}
