package uk.orderwatch.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.orderwatch.schemas.EventCodec;
import uk.orderwatch.support.audit.AuditController;
import uk.orderwatch.support.audit.AuditEntry;
import uk.orderwatch.support.audit.AuditLog;
import uk.orderwatch.support.config.SupportSettings;
import uk.orderwatch.support.crash.CrashPoints;
import uk.orderwatch.support.deadletters.DeadLetterController;
import uk.orderwatch.support.deadletters.DeadLetterMetrics;
import uk.orderwatch.support.deadletters.DeadLetters;
import uk.orderwatch.support.events.EventFactory;
import uk.orderwatch.support.followup.FollowUpHandler;
import uk.orderwatch.support.followup.FollowUps;
import uk.orderwatch.support.messaging.EventDecoder;
import uk.orderwatch.support.messaging.InstanceSubscriptions;
import uk.orderwatch.support.messaging.KafkaEventSender;
import uk.orderwatch.support.mongo.MongoIndex;
import uk.orderwatch.support.mongo.MongoIndexes;
import uk.orderwatch.support.outbox.OutboxCollection;
import uk.orderwatch.support.outbox.OutboxMetrics;
import uk.orderwatch.support.outbox.OutboxPublisher;
import uk.orderwatch.support.outbox.OutboxRelay;
import uk.orderwatch.support.outbox.OutboxWriter;
import uk.orderwatch.support.outbox.PendingWork;
import uk.orderwatch.support.security.Caller;
import uk.orderwatch.support.security.CallerArgumentResolver;
import uk.orderwatch.support.security.SecurityConfiguration;
import uk.orderwatch.support.tracing.LoggedSpans;
import uk.orderwatch.support.tracing.TraceResponseHeader;
import uk.orderwatch.support.tracing.Traces;
import uk.orderwatch.support.web.ProblemDetailsAdvice;
import uk.orderwatch.support.web.RequestSizeLimitFilter;
import uk.orderwatch.support.web.SafeText;

@AutoConfiguration(beforeName = {
        // orderwatch's own security filter chain, user store (none: tokens only) and JWT decoder replace Boot's
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                + ".OAuth2ResourceServerAutoConfiguration"})
@EnableScheduling
@EnableConfigurationProperties(SupportSettings.class)
@Import({ProblemDetailsAdvice.class, DeadLetterController.class, AuditController.class,
        SecurityConfiguration.class})
public class SupportAutoConfiguration {

    static {
        // the caller comes from the token, never from the request: keep it out of the API documents
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        // each enum is a schema of its own in the API documents: a generated client gets one type per enum, shared by
        // every field of it, rather than a copy per field
        io.swagger.v3.core.jackson.ModelResolver.enumsAsRef = true;
    }

    @Bean
    tools.jackson.databind.JacksonModule safeTextModule() {
        return SafeText.module();
    }

    @Bean
    org.springframework.web.servlet.config.annotation.WebMvcConfigurer callerResolver() {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(
                    List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /** What every published API document says the same way: security, problem statuses, headers (issue 19). */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer apiDocuments(
            @Value("${spring.application.name}") String serviceName,
            org.springframework.beans.factory.ObjectProvider<SecurityConfiguration.PublicPaths> publicPaths) {
        return new uk.orderwatch.support.web.ApiDocuments(serviceName, publicPaths.orderedStream()
                .flatMap(p -> p.patterns().stream()).toList());
    }

    /**
     * A field with no value is left out of an answer rather than written as null: one rule for every service, which
     * the published documents state by naming no field nullable (issue 19, ADR 18).
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer absentRatherThanNull() {
        return builder -> builder.changeDefaultPropertyInclusion(inclusion -> inclusion
                .withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL));
    }

    @Bean
    AuditLog auditLog(MongoTemplate mongo, Clock clock) {
        return new AuditLog(mongo, clock);
    }

    @Bean
    SecurityConfiguration.AroundAccessDecision refusalAudit(AuditLog audit,
                                                           uk.orderwatch.support.audit.RefusalWatch watch) {
        return new SecurityConfiguration.AroundAccessDecision(new uk.orderwatch.support.audit.RefusalAudit(audit,
                watch));
    }

    @Bean
    uk.orderwatch.support.audit.RefusalWatch refusalWatch(MongoTemplate mongo, OutboxWriter outbox,
                                                          EventFactory events, Clock clock,
                                                          @Value("${spring.application.name}") String serviceName,
                                                          SupportSettings settings) {
        return new uk.orderwatch.support.audit.RefusalWatch(mongo, outbox, events, clock, serviceName,
                settings.refusals().threshold(), settings.refusals().window());
    }

    /** The refusal streaks carry their signal in an outbox until it is sent. */
    @Bean
    OutboxCollection refusalStreaks() {
        return new OutboxCollection(uk.orderwatch.support.audit.RefusalWatch.RefusalStreak.COLLECTION);
    }

    @Bean
    MongoIndex auditByRecord() {
        return new MongoIndex(AuditEntry.class, new org.springframework.data.mongodb.core.index.Index()
                .on("recordIds", org.springframework.data.domain.Sort.Direction.ASC)
                .on("at", org.springframework.data.domain.Sort.Direction.DESC).named("audit_record_at"));
    }

    /** Idempotency-Keys go once kept for their time (where the server has TTL indexes; MongoDB has). */
    @Bean
    MongoIndex idempotencyKeysExpire() {
        return new MongoIndex(uk.orderwatch.support.idempotency.IdempotencyFilter.STORE, new org.springframework.data
                .mongodb.core.index.Index().on("expiresAt", org.springframework.data.domain.Sort.Direction.ASC)
                .expire(java.time.Duration.ZERO).named("idempotency_expires"));
    }

    @Bean
    MongoIndex auditByPerson() {
        return new MongoIndex(AuditEntry.class, new org.springframework.data.mongodb.core.index.Index()
                .on("personId", org.springframework.data.domain.Sort.Direction.ASC)
                .on("at", org.springframework.data.domain.Sort.Direction.DESC).named("audit_person_at"));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The readiness of this instance's own consumer group (ADR 21); one for every service, UP at once when none. */
    @Bean
    InstanceSubscriptions instanceSubscriptions(
            org.springframework.core.env.Environment environment) {
        return new InstanceSubscriptions(
                environment.getRequiredProperty("spring.application.name"),
                environment.getRequiredProperty("orderwatch.topics.instance-group"));
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EventDecoder eventDecoder(EventCodec codec, SupportSettings settings, Traces traces) {
        return new EventDecoder(codec, settings.consumer().transientRetryFor(), traces);
    }

    @Bean
    EventFactory eventFactory(EventCodec codec, @Value("${spring.application.name}") String serviceName, Clock clock,
                              Traces traces) {
        return new EventFactory(codec, serviceName, clock, traces);
    }

    @Bean
    Traces traces(io.micrometer.tracing.Tracer tracer, io.micrometer.tracing.propagation.Propagator propagator) {
        return new Traces(tracer, propagator);
    }

    /** Inside the server observation (Boot's filter, order HIGHEST_PRECEDENCE + 1), before security answers. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<TraceResponseHeader> traceResponseHeader(
            Traces traces) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new TraceResponseHeader(traces));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** The local stack's trace "collector": each finished span is a log line (README, follow one report's trace). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("orderwatch.tracing.log-spans")
    LoggedSpans loggedSpans() {
        return new LoggedSpans();
    }

    /** Probes and scrapes are not traced: they would be most of the spans and none of the story. */
    @Bean
    io.micrometer.observation.ObservationPredicate noActuatorTraces() {
        return (name, context) -> !(context instanceof org.springframework.http.server.observation
                .ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith("/actuator"));
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            SupportSettings settings) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestSizeLimitFilter(settings.http()::limitFor));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean(destroyMethod = "close")
    KafkaEventSender kafkaEventSender(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.application.name}") String serviceName, SupportSettings settings) {
        return new KafkaEventSender(brokers, settings.kafka().clientProperties(), serviceName + "-outbox",
                settings.kafka().sendTimeout());
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
                                    ExecutorService outboxAfterSendExecutor, PendingWork pendingWork) {
        return new OutboxPublisher(sender, mongo, outboxAfterSendExecutor, pendingWork);
    }

    @Bean
    PendingWork pendingWork(SupportSettings settings) {
        return new PendingWork(settings.outbox().quietAfter(), settings.outbox().idleSweep());
    }

    @Bean
    OutboxWriter outboxWriter(MongoTemplate mongo, OutboxPublisher outboxPublisher) {
        return new OutboxWriter(mongo, outboxPublisher);
    }

    @Bean
    MongoIndexes mongoIndexes(List<MongoIndex> indexes, MongoTemplate mongo) {
        return new MongoIndexes(indexes, mongo);
    }

    @Bean
    DeadLetters deadLetters(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
                            @Value("${spring.application.name}") String serviceName, SupportSettings settings,
                            org.springframework.core.env.Environment environment,
                            org.springframework.context.ApplicationContext context, MongoTemplate mongo,
                            Clock clock) {
        return new DeadLetters(brokers, settings.kafka().clientProperties(), serviceName,
                DeadLetters.boundConsumers(environment, context), mongo, clock);
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(DeadLetters deadLetters,
                                                                         MeterRegistry registry) {
        return new DeadLetterMetrics(deadLetters, registry);
    }

    @Bean
    OutboxMetrics outboxMetrics(java.util.List<OutboxCollection> collections,
                                                             MongoTemplate mongo, Clock clock,
                                                             MeterRegistry registry) {
        return new OutboxMetrics(collections, mongo, clock, registry);
    }

    @Bean
    FollowUps followUps(org.springframework.beans.factory.ObjectProvider<FollowUpHandler> handlers,
                        MongoTemplate mongo, Clock clock, SupportSettings settings, PendingWork pendingWork,
                        @Value("${spring.application.name}") String serviceName) {
        CrashPoints.watch(settings.crashPointsFile(), serviceName);
        return new FollowUps(() -> handlers.orderedStream().toList(), mongo, clock, settings.outbox().relayGrace(),
                pendingWork);
    }

    @Bean
    OutboxRelay outboxRelay(List<OutboxCollection> collections, OutboxPublisher publisher, MongoTemplate mongo,
                            Clock clock, SupportSettings settings, PendingWork pendingWork) {
        return new OutboxRelay(collections, publisher, mongo, clock, settings.outbox().relayGrace(), pendingWork);
    }
}
