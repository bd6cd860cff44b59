package uk.orderwatch.notification.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.security.Caller;

@RestController
@RequestMapping(path = "/directory/changes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Directory changes", description = "Changes of where an agency's alerts go, awaiting a second person")
public class DirectoryChangeController {

    private final DirectoryChanges changes;
    private final AuditLog audit;

    public DirectoryChangeController(DirectoryChanges changes, AuditLog audit) {
        this.changes = changes;
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "listDirectoryChanges", summary = "Changes of where alerts go, newest first",
            description = "ADMIN sees every agency's; an agency's supervisors their own agency's (403 to others).")
    public List<DirectoryChangeView> list(@RequestParam(required = false) String agencyId,
                                          @RequestParam(required = false) DirectoryChange.Status status,
                                          Caller caller) {
        var found = changes.list(caller, agencyId, status).stream().map(DirectoryChangeView::of).toList();
        if (!found.isEmpty()) {
            audit.read(caller, DirectoryChange.AUDIT_RESOURCE, found.stream().map(DirectoryChangeView::changeId)
                    .toList());
        }
        return found;
    }

    @GetMapping("/{changeId}")
    @Operation(operationId = "getDirectoryChange", summary = "One change of where alerts go")
    public DirectoryChangeView get(@PathVariable String changeId, Caller caller) {
        var change = changes.require(changeId, caller);
        audit.read(caller, DirectoryChange.AUDIT_RESOURCE, changeId);
        return DirectoryChangeView.of(change);
    }

    @PostMapping("/{changeId}/approval")
    @Operation(operationId = "approveDirectoryChange",
            summary = "Approve a change: it takes effect, and the old and new contacts are told",
            description = "By another ADMIN or a supervisor of the agency, never by the person who proposed it "
                    + "(409 second-person). 409 when it was already decided, or the agency changed since.")
    public DirectoryChangeView approve(@PathVariable String changeId, Caller caller) {
        return DirectoryChangeView.of(changes.approve(changeId, caller));
    }

    @PostMapping("/{changeId}/rejection")
    @Operation(operationId = "rejectDirectoryChange",
            summary = "Reject a change (or withdraw one's own): the agency stays as it is")
    public DirectoryChangeView reject(@PathVariable String changeId, Caller caller) {
        return DirectoryChangeView.of(changes.reject(changeId, caller));
    }
}
