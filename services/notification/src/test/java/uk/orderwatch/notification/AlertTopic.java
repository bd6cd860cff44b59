package uk.orderwatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import uk.orderwatch.schemas.Topics;
import uk.orderwatch.testsupport.ServiceIT;
import uk.orderwatch.testsupport.TopicReader;

/** What notification published about one alert, read back from its topic. */
final class AlertTopic {

    private AlertTopic() {
    }

    /** The types of the events about one alert, in the order published, each event once, each valid. */
    static List<String> eventTypes(String alertId, int atLeast) {
        return TopicReader.eachEventOnce(TopicReader.readUntil(ServiceIT.BOOTSTRAP, Topics.ALERTS, recs -> TopicReader
                .eachEventOnce(recs).stream().filter(r -> r.value().contains("\"alertId\":\"" + alertId)).count()
                >= atLeast, Duration.ofSeconds(20))).stream()
                .filter(r -> r.value().contains("\"alertId\":\"" + alertId)).map(r -> {
                    assertThat(ServiceIT.CODEC.validate(r.value())).isEmpty();
                    return r.headers().get("ce_type");
                }).toList();
    }
}
