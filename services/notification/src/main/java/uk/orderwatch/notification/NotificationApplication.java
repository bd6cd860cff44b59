package uk.orderwatch.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.directory.AgencyDocument;
import uk.orderwatch.support.mongo.MongoIndex;
import uk.orderwatch.support.outbox.OutboxCollection;
import uk.orderwatch.support.security.SecurityConfiguration;

/** notification: turns compliance events into alerts for the police, probation and the victim's advocate. */
@SpringBootApplication
@EnableConfigurationProperties(NotificationSettings.class)
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }

    /** GOV.UK Notify calls back with the bearer secret agreed with it, not a user's token. */
    @Bean
    SecurityConfiguration.PublicPaths notifyCallback() {
        return new SecurityConfiguration.PublicPaths(java.util.List.of("/callbacks/notify"));
    }

    /** Exactly one alert per (source event, recipient), even when an event is delivered again. */
    @Bean
    MongoIndex oneAlertPerEventAndRecipient() {
        return new MongoIndex(AlertDocument.class, new Index().on("sourceEventId", Sort.Direction.ASC)
                .on("recipient.personId", Sort.Direction.ASC).on("recipient.role", Sort.Direction.ASC).unique()
                .named("one_alert_per_event_and_recipient"));
    }

    @Bean
    MongoIndex inbox() {
        return new MongoIndex(AlertDocument.class, new Index().on("recipient.personId", Sort.Direction.ASC)
                .on("raisedAt", Sort.Direction.DESC).named("inbox"));
    }

    @Bean
    MongoIndex escalationTimer() {
        return new MongoIndex(AlertDocument.class, new Index().on("acknowledgeBy", Sort.Direction.ASC)
                .named("escalation_timer"));
    }

    @Bean
    MongoIndex deliveryTimer() {
        return new MongoIndex(AlertDocument.class, new Index().on("deliveryDueAt", Sort.Direction.ASC)
                .named("delivery_timer"));
    }

    /** The delivery worker's threads: a new alert's channels, and the due backlog in batches side by side. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService deliveryExecutor() {
        return Executors.newFixedThreadPool(4, named("alert-delivery"));
    }

    /** Channel calls run here so resilience4j's time limiter can give up on one that hangs. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService channelCallExecutor() {
        return Executors.newCachedThreadPool(named("channel-call"));
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
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
