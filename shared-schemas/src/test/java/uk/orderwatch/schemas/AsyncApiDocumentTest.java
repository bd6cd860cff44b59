package uk.orderwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published AsyncAPI document is the one the registries make, valid AsyncAPI 3.0, and names every event type,
 * topic, writer and consumer group; every schema it refers to exists. {@code -Dorderwatch.asyncapi.update=true}
 * writes the made document over the published one, to be committed with the change.
 */
class AsyncApiDocumentTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path PUBLISHED = Path.of("src/main/resources" + AsyncApiDocument.RESOURCE);

    static String published() throws IOException {
        return Files.readString(PUBLISHED);
    }

    @Test
    void thePublishedDocumentIsTheOneTheRegistriesMake() throws IOException {
        String made = AsyncApiDocument.json();
        if (Boolean.getBoolean("orderwatch.asyncapi.update")) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.writeString(PUBLISHED, made);
        }
        assertThat(published()).as("the published " + PUBLISHED + "; if the change is meant, write it with "
                + "./mvnw test -pl shared-schemas -Dorderwatch.asyncapi.update=true and commit it").isEqualTo(made);
    }

    @Test
    void itIsValidAsyncApi3() throws IOException {
        var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        com.networknt.schema.Schema asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            asyncApi = registry.getSchema(in, InputFormat.JSON);
        }
        var errors = asyncApi.validate(published(), InputFormat.JSON);
        assertThat(errors).isEmpty();

        var broken = JSON.readTree(published()).deepCopy();
        ((tools.jackson.databind.node.ObjectNode) broken.get("operations").properties().iterator().next().getValue())
                .put("action", "publish");
        assertThat(asyncApi.validate(JSON.writeValueAsString(broken), InputFormat.JSON))
                .as("an AsyncAPI 2 action is refused: the check can fail").isNotEmpty();
    }

    @Test
    void itNamesEveryEventTypeTopicWriterAndConsumerGroup() throws IOException {
        JsonNode doc = JSON.readTree(published());
        for (EventType type : EventType.values()) {
            assertThat(doc.path("components").path("messages").has(type.type())).as(type.type()).isTrue();
            assertThat(doc.path("components").path("messages").path(type.type()).path("payload").toString())
                    .as(type.type()).contains(".." + type.schemaResource());
        }
        List<String> addresses = new ArrayList<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asString()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.EVENT_TOPICS);
        Topics.WRITERS.forEach((topic, writer) -> assertThat(doc.get("operations")
                .has(writer + ".sends." + AsyncApiDocument.channelId(topic))).as(writer + " writes " + topic).isTrue());
        for (String[] s : Topics.SUBSCRIPTIONS) {
            var op = doc.get("operations").get(s[1] + ".receives." + AsyncApiDocument.channelId(s[0]));
            assertThat(op).as(s[1] + " reads " + s[0]).isNotNull();
            assertThat(op.at("/bindings/kafka/groupId/const").asString()).isEqualTo(s[1]);
        }
        // each channel carries exactly the types published on its topic
        for (String topic : Topics.EVENT_TOPICS) {
            List<String> names = new ArrayList<>();
            doc.get("channels").get(AsyncApiDocument.channelId(topic)).get("messages").properties()
                    .forEach(e -> names.add(e.getKey()));
            assertThat(names).as(topic).isNotEmpty().containsExactlyElementsOf(AsyncApiDocument.typesOn(topic)
                    .stream().map(EventType::type).toList());
        }
    }

    @Test
    void everySchemaItRefersToExists() throws IOException {
        var refs = AsyncApiDocument.fileReferences(JSON.readTree(published()));
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            Path file = PUBLISHED.getParent().resolve(ref).normalize();
            assertThat(file).as(ref).exists();
            assertThat(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).has("$schema")).as(ref)
                    .isTrue();
        }
    }
}
