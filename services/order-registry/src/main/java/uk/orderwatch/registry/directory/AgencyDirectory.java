package uk.orderwatch.registry.directory;

import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.orderwatch.schemas.events.AgencyRecorded;
import uk.orderwatch.support.readmodel.VersionedUpsert;

/** The agencies and people an order may name, kept from notification's directory events. */
@Component
public class AgencyDirectory {

    private final MongoTemplate mongo;

    public AgencyDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean apply(AgencyRecorded agency) {
        return VersionedUpsert.apply(mongo, KnownAgency.COLLECTION, agency.agencyId(), agency.version(), Map.of(
                "kind", agency.kind().name(),
                "name", agency.name(),
                "people", mongo.getConverter().convertToMongoType(agency.people())));
    }

    public Optional<KnownAgency> find(String agencyId) {
        return Optional.ofNullable(mongo.findById(agencyId, KnownAgency.class));
    }
}
