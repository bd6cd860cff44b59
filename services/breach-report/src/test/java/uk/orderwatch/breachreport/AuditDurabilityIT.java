package uk.orderwatch.breachreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import uk.orderwatch.support.audit.AuditEntry;

/**
 * An audit entry is acknowledged only once a majority of the replica set has it in its journal, while the service's
 * other writes keep the driver's default: seen in the commands the driver sends.
 */
class AuditDurabilityIT extends ComplianceITBase {

    static final List<BsonDocument> INSERTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class WatchTheCommands {
        @Bean
        MongoClientSettingsBuilderCustomizer watchInserts() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("insert")) {
                        INSERTS.add(event.getCommand().clone());
                    }
                }
            });
        }
    }

    @Test
    void anAuditEntryIsWrittenWithMajorityAndJournal() throws Exception {
        String orderId = knownOrder();

        var response = get("/orders/" + orderId + "/compliance", tokenFor("GET", "/orders/" + orderId + "/compliance"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var audit = INSERTS.stream().filter(c -> c.getString("insert").getValue().equals(AuditEntry.COLLECTION))
                .toList();
        assertThat(audit).as("the read was audited").isNotEmpty();
        assertThat(audit).allSatisfy(c -> {
            var concern = c.getDocument("writeConcern");
            assertThat(concern.getString("w").getValue()).isEqualTo("majority");
            assertThat(concern.getBoolean("j").getValue()).isTrue();
        });
    }
}
