package uk.orderwatch.support.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import uk.orderwatch.schemas.Topics;

/**
 * Exposes the topic names of the {@link Topics} registry as properties, so binding configuration names them as
 * {@code ${orderwatch.topics.compliance}} and {@code ${orderwatch.topics.dlq.compliance.notification}} instead of
 * repeating the strings; and this instance's own consumer group as {@code ${orderwatch.topics.instance-group}}
 * ({@link Topics#instanceGroup}), new at each start. Also has the binder's own clients trust the brokers' CA
 * ({@code orderwatch.kafka.truststore}) as the service's other clients do: a setting the binder's static
 * configuration could not leave out when it is not set.
 */
public class TopicsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String topic : Topics.EVENT_TOPICS) {
            props.put("orderwatch.topics." + shortName(topic), topic);
        }
        for (String[] s : Topics.SUBSCRIPTIONS) {
            props.put("orderwatch.topics.dlq." + shortName(s[0]) + "." + s[1], Topics.deadLetter(s[0], s[1]));
        }
        String service = environment.getProperty("spring.application.name", "orderwatch");
        props.put("orderwatch.topics.instance-group", Topics.instanceGroup(service, UUID.randomUUID().toString()));
        // the binder's clients trust the brokers' CA as the service's own clients do (SupportSettings.Kafka)
        SupportSettings.Kafka.trust(environment.getProperty("orderwatch.kafka.truststore")).forEach((key, value) ->
                props.put("spring.cloud.stream.kafka.binder.configuration." + key, value));
        environment.getPropertySources().addLast(new MapPropertySource("orderwatch-topics", props));
    }

    /** The topic's name without {@code orderwatch.}: {@code compliance}, {@code access.order-registry}. */
    private static String shortName(String topic) {
        return topic.substring(topic.indexOf('.') + 1);
    }
}
