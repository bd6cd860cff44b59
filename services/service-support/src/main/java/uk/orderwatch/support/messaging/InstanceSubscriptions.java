package uk.orderwatch.support.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import uk.orderwatch.schemas.Topics;

/**
 * The topics this instance reads in its own consumer group ({@link Topics#INSTANCE_SUBSCRIPTIONS}) start at their
 * end once the group has its partitions: until then, what another instance does is not heard here (ADR 21). The
 * instance is not ready, and not healthy, until every one of them has been assigned, so a load balancer sends it no
 * live stream before it would see every alert for it.
 */
public class InstanceSubscriptions implements KafkaBindingRebalanceListener, HealthIndicator {

    private final String instanceGroup;
    private final List<String> topics;
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();

    public InstanceSubscriptions(String service, String instanceGroup) {
        this.instanceGroup = instanceGroup;
        this.topics = Topics.INSTANCE_SUBSCRIPTIONS.stream().filter(s -> s[1].equals(service)).map(s -> s[0])
                .toList();
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
                                     Collection<TopicPartition> partitions, boolean initial) {
        if (instanceGroup.equals(consumer.groupMetadata().groupId())) {
            partitions.forEach(p -> assigned.add(p.topic()));
        }
    }

    /** The instance's own topics not assigned to it yet. */
    public List<String> waitingFor() {
        return topics.stream().filter(t -> !assigned.contains(t)).toList();
    }

    @Override
    public Health health() {
        var waiting = waitingFor();
        return waiting.isEmpty() ? Health.up().withDetail("group", instanceGroup).build()
                : Health.outOfService().withDetail("group", instanceGroup).withDetail("waitingFor", waiting).build();
    }
}
