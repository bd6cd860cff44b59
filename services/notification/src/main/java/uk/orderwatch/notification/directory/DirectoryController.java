package uk.orderwatch.notification.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.HashSet;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.orderwatch.support.web.Problem;

@RestController
@Validated
@RequestMapping(path = "/directory/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Directory", description = "Agencies and the people in them who receive alerts")
public class DirectoryController {

    private final MongoTemplate mongo;

    public DirectoryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PutMapping(path = "/{agencyId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an agency and its people (replaces what was recorded for that id)")
    public ResponseEntity<AgencyDocument> put(
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}") String agencyId,
            @Valid @RequestBody AgencyRequest request) {
        var ids = new HashSet<String>();
        for (int i = 0; i < request.people().size(); i++) {
            if (!ids.add(request.people().get(i).personId())) {
                throw Problem.invalid("people[" + i + "].personId", "appears twice");
            }
        }
        boolean existed = mongo.findById(agencyId, AgencyDocument.class) != null;
        var agency = new AgencyDocument(agencyId, request.kind(), request.name(), request.people().stream()
                .map(p -> new AgencyDocument.Person(p.personId(), p.name(), p.jobTitle(), p.email())).toList());
        mongo.save(agency);
        return ResponseEntity.status(existed ? 200 : 201).body(agency);
    }

    @GetMapping
    @Operation(summary = "Every agency in the directory")
    public List<AgencyDocument> list() {
        return mongo.find(new Query().with(Sort.by("_id")), AgencyDocument.class);
    }

    @GetMapping("/{agencyId}")
    @Operation(summary = "One agency")
    public AgencyDocument get(@PathVariable String agencyId) {
        var agency = mongo.findById(agencyId, AgencyDocument.class);
        if (agency == null) {
            throw Problem.notFound("Agency", agencyId);
        }
        return agency;
    }
}
