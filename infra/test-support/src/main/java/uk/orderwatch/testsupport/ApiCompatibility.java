package uk.orderwatch.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The compatibility rule of the published API documents (README, ADR 18): a client generated from an earlier document
 * keeps working with a later one. Adding is free (a path, an operation, an optional field, a schema, an error status,
 * an enum value, since clients are generated to accept unknown values); removing needs a release in which the
 * document marked the thing {@code deprecated: true} first. This class names what a new document breaks of an old
 * one.
 */
public final class ApiCompatibility {

    private ApiCompatibility() {
    }

    /** What {@code now} breaks of {@code published}: nothing when a client generated from it still works. */
    public static List<String> breaks(JsonNode published, JsonNode now) {
        List<String> breaks = new ArrayList<>();
        published.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            JsonNode after = now.path("paths").path(path.getKey()).path(op.getKey());
            if (after.isMissingNode()) {
                if (!deprecated(op.getValue())) {
                    breaks.add(name + " was removed without being deprecated first");
                }
                return;
            }
            operation(name, op.getValue(), after, breaks);
        }));
        Set<String> requestSchemas = requestSchemas(now);
        published.path("components").path("schemas").properties().forEach(schema -> {
            String name = "schema " + schema.getKey();
            JsonNode after = now.path("components").path("schemas").path(schema.getKey());
            if (after.isMissingNode()) {
                if (!deprecated(schema.getValue())) {
                    breaks.add(name + " was removed without being deprecated first");
                }
                return;
            }
            schema(name, schema.getValue(), after, requestSchemas.contains(schema.getKey()), breaks);
        });
        return breaks;
    }

    private static void operation(String name, JsonNode before, JsonNode after, List<String> breaks) {
        before.path("responses").propertyNames().stream().filter(s -> s.startsWith("2"))
                .filter(s -> !after.path("responses").has(s))
                .forEach(s -> breaks.add(name + " no longer answers " + s));
        Set<String> known = new HashSet<>();
        before.path("parameters").forEach(p -> {
            String parameter = p.path("in").asString() + " " + p.path("name").asString();
            known.add(parameter);
            boolean kept = false;
            for (JsonNode q : after.path("parameters")) {
                kept |= (q.path("in").asString() + " " + q.path("name").asString()).equals(parameter);
            }
            if (!kept && !deprecated(p)) {
                breaks.add(name + ": parameter " + parameter + " was removed without being deprecated first");
            }
        });
        after.path("parameters").forEach(q -> {
            String parameter = q.path("in").asString() + " " + q.path("name").asString();
            if (!known.contains(parameter) && q.path("required").asBoolean(false)) {
                breaks.add(name + ": new parameter " + parameter + " is required");
            }
        });
        if (!before.path("requestBody").path("required").asBoolean(false)
                && after.path("requestBody").path("required").asBoolean(false)) {
            breaks.add(name + ": a body became required");
        }
    }

    private static void schema(String name, JsonNode before, JsonNode after, boolean request, List<String> breaks) {
        before.path("properties").properties().forEach(property -> {
            JsonNode now = after.path("properties").path(property.getKey());
            String field = name + "." + property.getKey();
            if (now.isMissingNode()) {
                if (!deprecated(property.getValue())) {
                    breaks.add(field + " was removed without being deprecated first");
                }
                return;
            }
            if (!type(property.getValue()).equals(type(now))) {
                breaks.add(field + " changed from " + type(property.getValue()) + " to " + type(now));
            }
            Set<String> values = new HashSet<>();
            now.path("enum").forEach(v -> values.add(v.asString()));
            now.path("items").path("enum").forEach(v -> values.add(v.asString()));
            List<String> removed = new ArrayList<>();
            property.getValue().path("enum").forEach(v -> removed.add(v.asString()));
            property.getValue().path("items").path("enum").forEach(v -> removed.add(v.asString()));
            removed.removeAll(values);
            if (!removed.isEmpty()) {
                breaks.add(field + " no longer has the values " + removed);
            }
        });
        if (request) {
            Set<String> required = new HashSet<>();
            before.path("required").forEach(r -> required.add(r.asString()));
            after.path("required").forEach(r -> {
                if (!required.contains(r.asString())) {
                    breaks.add(name + "." + r.asString() + " became required in a request");
                }
            });
        }
    }

    /** The names of the component schemas a request body refers to, directly or through other schemas. */
    private static Set<String> requestSchemas(JsonNode document) {
        Set<String> names = new HashSet<>();
        List<JsonNode> todo = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(op -> todo.add(op.path("requestBody"))));
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            if (node.has("$ref")) {
                String name = node.get("$ref").asString().replace("#/components/schemas/", "");
                if (names.add(name)) {
                    todo.add(document.path("components").path("schemas").path(name));
                }
            }
            node.forEach(todo::add);
        }
        return names;
    }

    private static String type(JsonNode schema) {
        return schema.has("$ref") ? schema.get("$ref").asString()
                : schema.path("type").toString() + schema.path("items").path("$ref").asString("")
                + schema.path("items").path("type").asString("");
    }

    private static boolean deprecated(JsonNode node) {
        return node.path("deprecated").asBoolean(false);
    }
}
