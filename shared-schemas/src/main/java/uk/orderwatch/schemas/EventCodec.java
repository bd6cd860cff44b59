package uk.orderwatch.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads orderwatch events as CloudEvents JSON, checking each against the envelope schema and the schema of
 * its type. Producers use {@link #write}; consumers use {@link #read}, which rejects anything that is not a valid
 * event with an {@link InvalidEventException}.
 */
public final class EventCodec {

    private static final String ENVELOPE_SCHEMA = "/schemas/cloudevent.v1.schema.json";

    private final JsonMapper mapper;
    private final Schema envelopeSchema;
    private final Map<EventType, Schema> dataSchemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                // consumers accept fields added by a newer producer: additive changes keep the schema version
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        // event schemas refer to shared definitions as urn:orderwatch:defs:<file>, served from the classpath
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("urn:orderwatch:defs:",
                        "classpath:schemas/defs/")));
        this.envelopeSchema = load(registry, ENVELOPE_SCHEMA);
        for (EventType type : EventType.values()) {
            dataSchemas.put(type, load(registry, type.schemaResource()));
        }
    }

    private static Schema load(SchemaRegistry registry, String resource) {
        try (InputStream in = EventCodec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of an event, checked against its schemas first: a producer never publishes an invalid event. */
    public String write(CloudEvent<?> event) {
        String json = mapper.writeValueAsString(event);
        List<String> problems = validate(json);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("refusing to publish invalid " + event.type() + ": " + problems);
        }
        return json;
    }

    /** Parses and checks an event; its data is the typed record of its {@link EventType}. */
    public CloudEvent<?> read(String json) {
        JsonNode tree = parse(json);
        List<String> problems = validate(tree);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("invalid event: " + problems);
        }
        EventType type = EventType.fromType(tree.get("type").asString()).orElseThrow();
        Object data;
        try {
            data = mapper.treeToValue(tree.get("data"), type.dataClass());
        } catch (JacksonException e) {
            throw new InvalidEventException("data of " + type.type() + " does not bind: " + e.getOriginalMessage(), e);
        }
        return new CloudEvent<>(tree.get("specversion").asString(), tree.get("id").asString(),
                tree.get("source").asString(), type.type(),
                mapper.treeToValue(tree.get("time"), java.time.Instant.class), tree.get("subject").asString(),
                text(tree, "datacontenttype"), text(tree, "dataschema"), data);
    }

    /** Every way {@code json} falls short of a valid orderwatch event; empty when it is valid. */
    public List<String> validate(String json) {
        try {
            return validate(parse(json));
        } catch (InvalidEventException e) {
            return List.of(e.getMessage());
        }
    }

    private List<String> validate(JsonNode tree) {
        List<String> problems = new ArrayList<>(messages(envelopeSchema.validate(tree)));
        if (!problems.isEmpty()) {
            return problems;
        }
        String typeName = tree.get("type").asString();
        EventType type = EventType.fromType(typeName).orElse(null);
        if (type == null) {
            return List.of("unknown event type '" + typeName + "'");
        }
        if (tree.hasNonNull("dataschema") && !type.dataschema().equals(tree.get("dataschema").asString())) {
            problems.add("dataschema " + tree.get("dataschema").asString() + " is not " + type.dataschema());
        }
        problems.addAll(messages(dataSchemas.get(type).validate(tree.get("data"))));
        return problems;
    }

    private JsonNode parse(String json) {
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidEventException("not a JSON object");
            }
            return tree;
        } catch (JacksonException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static String text(JsonNode tree, String field) {
        return tree.hasNonNull(field) ? tree.get(field).asString() : null;
    }

    /** The mapper events are written with, for tests and tools that need the same JSON shape. */
    public JsonMapper mapper() {
        return mapper;
    }
}
