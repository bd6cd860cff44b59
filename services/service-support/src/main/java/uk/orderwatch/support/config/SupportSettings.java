package uk.orderwatch.support.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings every service shares ({@code orderwatch.*}), with their defaults in {@code orderwatch-defaults.yml}.
 * Checked when the service starts: a missing or impossible value stops it with the setting's name.
 *
 * @param consumer           event intake
 * @param http               requests
 * @param kafka              the outbox's producer
 * @param outbox             the relay that publishes what the fast path missed
 * @param rateLimit          writes per user
 * @param idempotency        how Idempotency-Keys are kept
 * @param indexRetryInterval how often indexes are tried again while MongoDB does not answer
 * @param crashPointsFile    where the fault-injection suite names the crash points to halt at
 *                           ({@link uk.orderwatch.support.crash.CrashPoints}); unset everywhere else
 * @param metrics            who may read {@code /actuator/prometheus} besides an ADMIN
 */
@ConfigurationProperties("orderwatch")
public record SupportSettings(Consumer consumer, Http http, Kafka kafka, Outbox outbox, RateLimit rateLimit,
                              Idempotency idempotency, Refusals refusals, Duration indexRetryInterval,
                              java.nio.file.Path crashPointsFile, Metrics metrics) {

    public SupportSettings {
        Settings.require("orderwatch.consumer", consumer);
        Settings.require("orderwatch.http", http);
        Settings.require("orderwatch.kafka", kafka);
        Settings.require("orderwatch.outbox", outbox);
        Settings.require("orderwatch.rate-limit", rateLimit);
        Settings.require("orderwatch.idempotency", idempotency);
        Settings.require("orderwatch.refusals", refusals);
        Settings.positive("orderwatch.index-retry-interval", indexRetryInterval);
        metrics = metrics == null ? new Metrics(null) : metrics;
    }

    /**
     * @param scrapeToken the bearer secret Prometheus scrapes {@code /actuator/prometheus} with (a Secret in a
     *                    deployment, {@code METRICS_SCRAPE_TOKEN}); none set, only an ADMIN's token reads it
     */
    public record Metrics(String scrapeToken) {
        public Metrics {
            if (scrapeToken != null && !scrapeToken.isBlank() && scrapeToken.length() < 32) {
                throw new IllegalArgumentException("orderwatch.metrics.scrape-token (METRICS_SCRAPE_TOKEN) must be "
                        + "at least 32 characters");
            }
            scrapeToken = scrapeToken == null || scrapeToken.isBlank() ? null : scrapeToken;
        }
    }

    /** @param transientRetryFor how long a record is retried in place while its failure is MongoDB's */
    public record Consumer(Duration transientRetryFor) {
        public Consumer {
            Settings.positive("orderwatch.consumer.transient-retry-for", transientRetryFor);
        }
    }

    /**
     * @param maxRequestBytes  a larger request body is refused (413)
     * @param largerRequests   the few paths that take a larger body (a bulk import), with their own limit
     */
    public record Http(long maxRequestBytes, java.util.Map<String, Long> largerRequests) {
        public Http {
            Settings.positive("orderwatch.http.max-request-bytes", maxRequestBytes);
            largerRequests = largerRequests == null ? java.util.Map.of() : java.util.Map.copyOf(largerRequests);
            largerRequests.values().forEach(v -> Settings.positive("orderwatch.http.larger-requests", v));
        }

        /** The most bytes a request to {@code path} may send. */
        public long limitFor(String path) {
            return largerRequests.getOrDefault(path, maxRequestBytes);
        }
    }

    /**
     * How the service reaches Kafka: as its own principal, signing in with SASL/SCRAM (over TLS with
     * {@code SASL_SSL}); the broker's ACLs let it write only the topics it is the writer of.
     *
     * @param sendTimeout      how long a send waits for the broker's acknowledgement before it counts as failed
     * @param securityProtocol {@code SASL_SSL} in a deployment, {@code SASL_PLAINTEXT} on one machine
     * @param username         the service's Kafka principal (by default its name)
     * @param password         its password: no default, so a service without one refuses to start
     * @param saslMechanism    {@code SCRAM-SHA-256} (the local stack, compose) or {@code SCRAM-SHA-512} (Strimzi)
     * @param truststore       a PEM file of the CA the brokers' TLS certificates are signed by (Strimzi's cluster
     *                         CA, {@code ca.crt}); empty: the JVM's own trust
     */
    public record Kafka(Duration sendTimeout, String securityProtocol, String username, String password,
                        String saslMechanism, String truststore) {
        public Kafka {
            Settings.positive("orderwatch.kafka.send-timeout", sendTimeout);
            if (!java.util.Set.of("SASL_SSL", "SASL_PLAINTEXT").contains(securityProtocol)) {
                throw new IllegalArgumentException("orderwatch.kafka.security-protocol (KAFKA_SECURITY_PROTOCOL) "
                        + "must be SASL_SSL or SASL_PLAINTEXT: every client signs in to the broker");
            }
            Settings.require("orderwatch.kafka.username (KAFKA_USERNAME)", username);
            Settings.require("orderwatch.kafka.password (KAFKA_PASSWORD)", password);
            if (!java.util.Set.of("SCRAM-SHA-256", "SCRAM-SHA-512").contains(saslMechanism)) {
                throw new IllegalArgumentException("orderwatch.kafka.sasl-mechanism (KAFKA_SASL_MECHANISM) must be "
                        + "SCRAM-SHA-256 or SCRAM-SHA-512");
            }
            truststore = truststore == null || truststore.isBlank() ? null : truststore;
        }

        /** The client settings that sign in as this service. */
        public java.util.Map<String, Object> clientProperties() {
            var properties = new java.util.HashMap<String, Object>(java.util.Map.of("security.protocol",
                    securityProtocol, "sasl.mechanism", saslMechanism,
                    "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + username + "\" password=\"" + password + "\";"));
            properties.putAll(trust(truststore));
            return properties;
        }

        /** The client settings that trust the brokers' CA in {@code truststore} (PEM); none without one. */
        public static java.util.Map<String, String> trust(String truststore) {
            return truststore == null || truststore.isBlank() ? java.util.Map.of()
                    : java.util.Map.of("ssl.truststore.type", "PEM", "ssl.truststore.location", truststore);
        }

        @Override
        public String toString() {
            return "Kafka[sendTimeout=" + sendTimeout + ", securityProtocol=" + securityProtocol + ", username="
                    + username + "]";
        }
    }

    /**
     * @param relayInterval how often the relay looks for events the fast path did not publish
     * @param relayGrace    how old an unpublished event must be before the relay sends it
     * @param quietAfter    the relay and the follow-up sweep look at every interval until this long after work was
     *                      last recorded ({@link uk.orderwatch.support.outbox.PendingWork})
     * @param idleSweep     and once per this while nothing is recorded
     */
    public record Outbox(Duration relayInterval, Duration relayGrace, Duration quietAfter, Duration idleSweep) {
        public Outbox {
            Settings.positive("orderwatch.outbox.relay-interval", relayInterval);
            Settings.positive("orderwatch.outbox.relay-grace", relayGrace);
            Settings.positive("orderwatch.outbox.quiet-after", quietAfter);
            Settings.positive("orderwatch.outbox.idle-sweep", idleSweep);
            if (quietAfter.compareTo(relayGrace.plus(relayInterval)) <= 0) {
                throw new IllegalArgumentException("orderwatch.outbox.quiet-after must be longer than relay-grace "
                        + "and relay-interval together: what was recorded last must still be looked for once due");
            }
        }
    }

    /**
     * @param threshold this many refusals of one user within {@code window} are signalled to their agency
     * @param window    how far back the refusals are counted
     */
    public record Refusals(int threshold, Duration window) {
        public Refusals {
            Settings.positive("orderwatch.refusals.threshold", threshold);
            Settings.positive("orderwatch.refusals.window", window);
        }
    }

    /**
     * @param lease   how long a retry waits for the first attempt with its key before it is handled again
     * @param keepFor how long a key and its answer are kept
     */
    public record Idempotency(Duration lease, Duration keepFor) {
        public Idempotency {
            Settings.positive("orderwatch.idempotency.lease", lease);
            Settings.positive("orderwatch.idempotency.keep-for", keepFor);
        }
    }

    /** @param writeBurst writes a user may send at once; @param writesPerSecond then this many a second */
    /**
     * @param writeBurst               a signed-in user's writes at once
     * @param writesPerSecond          then, per second
     * @param readBurst                a signed-in user's reads at once
     * @param readsPerSecond           then, per second
     * @param anonymousBurst           writes at once from one address to a public path (Notify's callback)
     * @param anonymousWritesPerSecond then, per second
     */
    public record RateLimit(int writeBurst, double writesPerSecond, int readBurst, double readsPerSecond,
                            int anonymousBurst, double anonymousWritesPerSecond) {
        public RateLimit {
            Settings.positive("orderwatch.rate-limit.read-burst", readBurst);
            Settings.positive("orderwatch.rate-limit.reads-per-second", readsPerSecond);
            Settings.positive("orderwatch.rate-limit.write-burst", writeBurst);
            Settings.positive("orderwatch.rate-limit.writes-per-second", writesPerSecond);
            Settings.positive("orderwatch.rate-limit.anonymous-burst", anonymousBurst);
            Settings.positive("orderwatch.rate-limit.anonymous-writes-per-second", anonymousWritesPerSecond);
        }
    }
}
