package uk.orderwatch.infra;

import java.util.Map;

/**
 * A Kafka principal's user name and password, as clients present them to the broker: SASL/SCRAM-SHA-256 over the
 * connection ({@code SASL_PLAINTEXT} on this machine; a deployment adds TLS with {@code SASL_SSL}).
 */
public record KafkaCredentials(String username, String password) {

    public static final String MECHANISM = "SCRAM-SHA-256";
    public static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    public KafkaCredentials {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("a Kafka principal needs a user name and a password");
        }
        if ((username + password).contains("\"")) {
            throw new IllegalArgumentException("a Kafka user name or password may not contain a double quote");
        }
    }

    /** The client settings that sign in as this principal. */
    public Map<String, Object> clientProperties() {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas(SCRAM_LOGIN));
    }

    String jaas(String loginModule) {
        return loginModule + " required username=\"" + username + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "KafkaCredentials[" + username + "]";
    }
}
