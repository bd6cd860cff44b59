package uk.orderwatch.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.directory.AgencyDocument;
import uk.orderwatch.support.outbox.OutboxCollection;

/** notification: turns compliance events into alerts for the police, probation and the victim's advocate. */
@SpringBootApplication
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }

    @Bean
    OutboxCollection alertsOutbox() {
        return new OutboxCollection(AlertDocument.COLLECTION);
    }

    @Bean
    OutboxCollection agenciesOutbox() {
        return new OutboxCollection(AgencyDocument.COLLECTION);
    }
}
