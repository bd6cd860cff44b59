package uk.orderwatch.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events as an AsyncAPI 3.0 document, made from the registries ({@link Topics}, {@link EventType}) so it cannot
 * say anything they do not: a channel per topic, a message per event type with its payload as the envelope schema
 * and the type's own schema (referenced, not copied), an operation per service that writes a topic and per consumer
 * group that reads one. Published as {@code asyncapi/orderwatch.asyncapi.json} beside the schemas it refers to; a
 * test checks the published copy is this one and valid AsyncAPI.
 */
public final class AsyncApiDocument {

    /** Where the published document lives among this module's resources. */
    public static final String RESOURCE = "/asyncapi/orderwatch.asyncapi.json";
    /** JSON Schema 2020-12, the dialect of every schema in {@code schemas/}. */
    static final String SCHEMA_FORMAT = "application/schema+json;version=2020-12";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AsyncApiDocument() {
    }

    /** The document as published: indented JSON ending in a newline. */
    public static String json() {
        return JSON.writeValueAsString(document()) + "\n";
    }

    static ObjectNode document() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", "orderwatch events").put("version", "1")
                .put("description", "Every Kafka record of orderwatch: a CloudEvents 1.0 envelope in structured "
                        + "mode, keyed by the id of what it is about (the order id; on the directory, the agency "
                        + "id), with the event id and type also in headers. Each topic has one writer; each "
                        + "consuming service reads it in a consumer group named after itself, and what a consumer "
                        + "could not process goes to <topic>.<group>.dlq.");
        doc.put("defaultContentType", CloudEvent.STRUCTURED_CONTENT_TYPE);
        doc.putObject("servers").putObject("kafka").put("host", "localhost:9092").put("protocol", "kafka")
                .put("description", "The local stack's broker; a deployment names its own. Every client signs in "
                        + "with SASL/SCRAM-SHA-256 as its service and the broker's ACLs let it write only the "
                        + "topics it is the writer of.")
                .putArray("security").addObject().put("$ref", "#/components/securitySchemes/service");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.putObject("securitySchemes").putObject("service").put("type", "scramSha256")
                .put("description", "Each service is a principal of its own name.");

        for (EventType type : EventType.values()) {
            messages.set(type.type(), message(type));
        }
        for (String topic : Topics.EVENT_TOPICS) {
            String channel = channelId(topic);
            String writer = Topics.WRITERS.get(topic);
            ObjectNode c = channels.putObject(channel);
            c.put("address", topic);
            c.put("description", "Written by " + writer + ".");
            ObjectNode channelMessages = c.putObject("messages");
            List<EventType> types = typesOn(topic);
            for (EventType type : types) {
                channelMessages.putObject(type.type()).put("$ref", "#/components/messages/" + type.type());
            }
            operations.set(writer + ".sends." + channel, operation("send", channel, types,
                    writer + " publishes these events, each from its outbox once the change that made it is "
                            + "stored.", writer, null));
            for (String[] s : Topics.SUBSCRIPTIONS) {
                if (s[0].equals(topic)) {
                    operations.set(s[1] + ".receives." + channel, operation("receive", channel, types,
                            s[1] + " consumes them in its consumer group " + s[1] + "; what it cannot process goes "
                                    + "to " + Topics.deadLetter(topic, s[1]) + ".", s[1], s[1]));
                }
            }
            for (String[] s : Topics.INSTANCE_SUBSCRIPTIONS) {
                if (s[0].equals(topic)) {
                    operations.set(s[1] + ".instances.receive." + channel, operation("receive", channel, types,
                            "Every instance of " + s[1] + " also reads them in a consumer group of its own ("
                                    + Topics.instanceGroup(s[1], "<instance>") + "), from the end.", s[1], null));
                }
            }
        }
        return doc;
    }

    /** The channel id of a topic: its name without {@code orderwatch.}. */
    static String channelId(String topic) {
        return topic.substring(topic.indexOf('.') + 1);
    }

    /** The event types published on {@code topic}, in the registry's order. */
    static List<EventType> typesOn(String topic) {
        List<EventType> types = new ArrayList<>();
        for (EventType type : EventType.values()) {
            String service = Topics.WRITERS.get(topic);
            if (topic.equals(type.topicFor(service))) {
                types.add(type);
            }
        }
        return types;
    }

    private static ObjectNode operation(String action, String channel, List<EventType> types, String description,
                                        String service, String group) {
        ObjectNode op = JSON.createObjectNode();
        op.put("action", action);
        op.putObject("channel").put("$ref", "#/channels/" + channel);
        op.put("description", description);
        op.putArray("tags").addObject().put("name", service);
        ArrayNode refs = op.putArray("messages");
        types.forEach(t -> refs.addObject().put("$ref", "#/channels/" + channel + "/messages/" + t.type()));
        if (group != null) {
            op.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0").putObject("groupId")
                    .put("type", "string").put("const", group);
        }
        return op;
    }

    private static ObjectNode message(EventType type) {
        JsonNode schema = schemaOf(type);
        ObjectNode m = JSON.createObjectNode();
        m.put("name", type.type());
        m.put("title", schema.path("title").asString(type.type()));
        if (schema.has("description")) {
            m.put("description", schema.get("description").asString());
        }
        m.put("contentType", CloudEvent.STRUCTURED_CONTENT_TYPE);
        ObjectNode headers = m.putObject("headers");
        headers.put("type", "object");
        ObjectNode h = headers.putObject("properties");
        h.putObject(CloudEvent.HEADER_ID).put("type", "string").put("description", "the event's id");
        h.putObject(CloudEvent.HEADER_TYPE).put("type", "string").put("const", type.type());
        h.putObject(CloudEvent.HEADER_CONTENT_TYPE).put("type", "string").put("const",
                CloudEvent.STRUCTURED_CONTENT_TYPE);
        h.putObject(CloudEvent.HEADER_TRACEPARENT).put("type", "string")
                .put("pattern", "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                .put("description", "W3C trace context of the request that caused the event; a consumer continues "
                        + "its trace");
        ObjectNode payload = m.putObject("payload");
        payload.put("schemaFormat", SCHEMA_FORMAT);
        ArrayNode allOf = payload.putObject("schema").putArray("allOf");
        allOf.addObject().put("$ref", "../schemas/cloudevent.v1.schema.json");
        ObjectNode envelope = allOf.addObject();
        envelope.put("type", "object");
        ObjectNode p = envelope.putObject("properties");
        p.putObject("type").put("const", type.type());
        p.putObject("dataschema").put("const", type.dataschema());
        p.putObject("data").put("$ref", ".." + type.schemaResource());
        m.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0").putObject("key")
                .put("type", "string").put("description", type.topic() == null ? "the refused user's agency id"
                        : Topics.DIRECTORY.equals(type.topic()) ? "the agency id"
                        : type == EventType.ORDERS_IMPORTED ? "the import's id" : "the order id");
        return m;
    }

    private static JsonNode schemaOf(EventType type) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + type.schemaResource());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every $ref of the document that names a file, relative to the document: for a test that each exists. */
    static List<String> fileReferences(JsonNode node) {
        List<String> refs = new ArrayList<>();
        collect(node, refs);
        return refs;
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            fields.forEach((name, value) -> {
                if (name.equals("$ref") && value.isString() && !value.asString().startsWith("#")) {
                    refs.add(value.asString());
                } else {
                    collect(value, refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, refs));
        }
    }
}
