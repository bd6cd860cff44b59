package uk.orderwatch.support;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.support.deadletters.DeadLetterController;
import uk.orderwatch.support.deadletters.DeadLetters;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.messaging.EventDecoder;
import uk.orderwatch.support.mongo.MongoIndex;
import uk.orderwatch.support.mongo.MongoIndexes;
import uk.orderwatch.support.messaging.KafkaEventSender;
import uk.orderwatch.support.outbox.OutboxCollection;
import uk.orderwatch.support.outbox.OutboxPublisher;
import uk.orderwatch.support.outbox.OutboxRelay;
import uk.orderwatch.support.web.ProblemDetailsAdvice;
import uk.orderwatch.support.web.RequestSizeLimitFilter;

/**
 * What every orderwatch service runs the same way: the event codec, the outbox publisher and relay, the Kafka
 * sender, problem details, and a clock that tests can replace.
 */
@AutoConfiguration
@EnableScheduling
@Import({ProblemDetailsAdvice.class, DeadLetterController.class})
public class SupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EventDecoder eventDecoder(EventCodec codec) {
        return new EventDecoder(codec);
    }

    @Bean
    EventFactory eventFactory(EventCodec codec, @Value("${spring.application.name}") String serviceName, Clock clock) {
        return new EventFactory(codec, serviceName, clock);
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${orderwatch.http.max-request-bytes:65536}") long maxBytes) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestSizeLimitFilter(maxBytes));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean(destroyMethod = "close")
    KafkaEventSender kafkaEventSender(
            @Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
            @Value("${spring.application.name}") String serviceName,
            @Value("${orderwatch.kafka.send-timeout:5s}") Duration sendTimeout) {
        return new KafkaEventSender(brokers, serviceName + "-outbox", sendTimeout);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService outboxAfterSendExecutor() {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "outbox-after-send");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    OutboxPublisher outboxPublisher(KafkaEventSender sender, MongoTemplate mongo,
                                    ExecutorService outboxAfterSendExecutor) {
        return new OutboxPublisher(sender, mongo, outboxAfterSendExecutor);
    }

    @Bean
    MongoIndexes mongoIndexes(List<MongoIndex> indexes, MongoTemplate mongo) {
        return new MongoIndexes(indexes, mongo);
    }

    @Bean
    DeadLetters deadLetters(@Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
                            @Value("${spring.application.name}") String serviceName, KafkaEventSender sender,
                            MongoTemplate mongo, Clock clock) {
        return new DeadLetters(brokers, serviceName, sender, mongo, clock);
    }

    @Bean
    OutboxRelay outboxRelay(List<OutboxCollection> collections, OutboxPublisher publisher, MongoTemplate mongo,
                            Clock clock, @Value("${orderwatch.outbox.relay-grace:6s}") Duration grace) {
        return new OutboxRelay(collections, publisher, mongo, clock, grace);
    }
}
