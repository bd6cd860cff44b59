package uk.orderwatch.support.mongo;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Creates the service's indexes once MongoDB answers: at start, and again every few seconds until it worked. A
 * service started while MongoDB is unreachable therefore starts (health DOWN) instead of crashing, and its unique
 * indexes are in place before the first write can succeed.
 */
public class MongoIndexes {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);

    private final List<MongoIndex> indexes;
    private final MongoTemplate mongo;
    private final AtomicBoolean created = new AtomicBoolean();

    public MongoIndexes(List<MongoIndex> indexes, MongoTemplate mongo) {
        this.indexes = indexes;
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "${orderwatch.index-retry-interval}", initialDelayString = "10s")
    public void ensure() {
        if (created.get()) {
            return;
        }
        try {
            for (MongoIndex i : indexes) {
                var ops = mongo.indexOps(i.entity());
                if (i.replaces() != null && ops.getIndexInfo().stream().anyMatch(x -> x.getName().equals(
                        i.replaces()))) {
                    ops.dropIndex(i.replaces());
                    log.info("Dropped index {} of {}: replaced", i.replaces(), i.entity().getSimpleName());
                }
                ops.createIndex(i.index());
            }
            created.set(true);
        } catch (RuntimeException e) {
            log.warn("MongoDB indexes not created yet, will try again: {}", e.toString());
        }
    }

    public boolean created() {
        return created.get();
    }
}
