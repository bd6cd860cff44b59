package uk.orderwatch.breachreport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import uk.orderwatch.breachreport.attendance.SessionDocument;
import uk.orderwatch.breachreport.breaches.BreachDocument;
import uk.orderwatch.breachreport.enforcement.EnforcementReview;
import uk.orderwatch.breachreport.requirements.NotificationRequirement;
import uk.orderwatch.support.mongo.MongoIndex;
import uk.orderwatch.support.outbox.OutboxCollection;

/** breach-report: the compliance picture of every order: breaches reported and programme attendance. */
@SpringBootApplication
@EnableConfigurationProperties(BreachReportSettings.class)
public class BreachReportApplication {

    public static void main(String[] args) {
        SpringApplication.run(BreachReportApplication.class, args);
    }

    @Bean
    MongoIndex sessionsOfOrder() {
        return new MongoIndex(SessionDocument.class, new Index().on("orderId", Sort.Direction.ASC)
                .on("start", Sort.Direction.ASC).named("sessions_of_order"));
    }

    @Bean
    MongoIndex unrecordedTimer() {
        return new MongoIndex(SessionDocument.class, new Index().on("unrecordedDueAt", Sort.Direction.ASC)
                .named("unrecorded_timer"));
    }

    @Bean
    OutboxCollection breachesOutbox() {
        return new OutboxCollection(BreachDocument.COLLECTION);
    }

    @Bean
    OutboxCollection sessionsOutbox() {
        return new OutboxCollection(SessionDocument.COLLECTION);
    }

    @Bean
    OutboxCollection notificationRequirementsOutbox() {
        return new OutboxCollection(NotificationRequirement.COLLECTION);
    }

    @Bean
    OutboxCollection enforcementReviewsOutbox() {
        return new OutboxCollection(EnforcementReview.COLLECTION);
    }
}
