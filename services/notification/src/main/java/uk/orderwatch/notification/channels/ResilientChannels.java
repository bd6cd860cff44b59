package uk.orderwatch.notification.channels;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import uk.orderwatch.notification.NotificationSettings;
import uk.orderwatch.notification.alerts.AlertDocument;
import uk.orderwatch.notification.alerts.ChannelType;
import uk.orderwatch.notification.directory.AgencyDocument;

/**
 * Each outbound channel behind resilience4j: a retry with exponential backoff and jitter, outside a circuit breaker,
 * a bulkhead and a time limiter. The retry never retries an open breaker ({@link CallNotPermittedException}) nor a
 * permanent failure; the breaker does not count permanent failures (a bad address says nothing of the peer's health).
 */
@Component
public class ResilientChannels {

    private final Map<ChannelType, Channel> channels = new EnumMap<>(ChannelType.class);
    private final Map<ChannelType, Supplier<Retry>> retries = new EnumMap<>(ChannelType.class);
    private final Map<ChannelType, CircuitBreaker> breakers = new EnumMap<>(ChannelType.class);
    private final Map<ChannelType, Bulkhead> bulkheads = new EnumMap<>(ChannelType.class);
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;

    public ResilientChannels(List<Channel> all, NotificationSettings settings,
                             @Qualifier("channelCallExecutor") ExecutorService calls) {
        this.calls = calls;
        var guards = settings.channels();
        int attempts = guards.attempts();
        Duration firstBackoff = guards.firstBackoff();
        Duration timeout = guards.timeout();
        Duration openFor = guards.breakerOpenFor();
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(timeout)
                .cancelRunningFuture(true).build());
        for (Channel channel : all) {
            ChannelType type = channel.type();
            channels.put(type, channel);
            RetryConfig retry = RetryConfig.custom().maxAttempts(attempts)
                    .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(firstBackoff, 2.0, 0.5))
                    .retryOnException(e -> !(e instanceof CallNotPermittedException)
                            && !(e instanceof Channel.PermanentFailure))
                    .build();
            retries.put(type, () -> Retry.of(type.name(), retry));
            breakers.put(type, CircuitBreaker.of(type.name(), CircuitBreakerConfig.custom()
                    .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                    .waitDurationInOpenState(openFor).ignoreExceptions(Channel.PermanentFailure.class).build()));
            bulkheads.put(type, Bulkhead.of(type.name(), BulkheadConfig.custom().maxConcurrentCalls(16)
                    .maxWaitDuration(Duration.ofSeconds(1)).build()));
        }
    }

    public Channel channel(ChannelType type) {
        return channels.get(type);
    }

    /** Sends through the channel's guards; throws the last failure when every attempt failed. */
    public Channel.Sent send(ChannelType type, AlertDocument alert, AgencyDocument.Person person,
                             AgencyDocument agency) {
        Channel channel = channels.get(type);
        Supplier<Channel.Sent> limited = () -> {
            try {
                return timeLimiter.executeFutureSupplier(
                        () -> CompletableFuture.supplyAsync(() -> channel.send(alert, person, agency), calls));
            } catch (TimeoutException e) {
                throw new IllegalStateException(type + " timed out", e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        };
        Supplier<Channel.Sent> guarded = Bulkhead.decorateSupplier(bulkheads.get(type), limited);
        guarded = CircuitBreaker.decorateSupplier(breakers.get(type), guarded);
        guarded = Retry.decorateSupplier(retries.get(type).get(), guarded);
        return guarded.get();
    }
}
