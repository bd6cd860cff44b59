package uk.orderwatch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed copy of each service's OpenAPI document ({@code shared-schemas/src/main/resources/openapi/}): what
 * clients are generated from, so the service must publish exactly it. A service whose document differs fails its
 * tests; {@code -Dorderwatch.api.update=true} writes the new document over the copy to be committed with the change,
 * but never when the change breaks a client generated from the copy ({@link ApiCompatibility}).
 */
public final class PublishedDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PublishedDocuments() {
    }

    /** The committed document of {@code service} (order-registry, breach-report, notification). */
    public static JsonNode committed(String service) {
        try (InputStream in = PublishedDocuments.class.getResourceAsStream("/openapi/" + service + ".json")) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as it is committed: keys in order, no server address (the port of the running instance). */
    public static String normal(String document) {
        ObjectNode tree = (ObjectNode) JSON.readTree(document);
        tree.remove("servers");
        return JSON.writeValueAsString(sorted(tree)) + "\n";
    }

    /** Fails unless {@code live}, the service's answer to /v3/api-docs, is its committed document. */
    public static void check(String service, String live) {
        String now = normal(live);
        JsonNode committed = committed(service);
        List<String> breaks = committed == null ? List.of() : ApiCompatibility.breaks(committed, JSON.readTree(now));
        if (!breaks.isEmpty()) {
            throw new AssertionError("The API document of " + service + " breaks clients generated from the "
                    + "published one (deprecate first, remove in a later release: README, API):\n  "
                    + String.join("\n  ", breaks));
        }
        if (committed != null && normal(committed.toString()).equals(now)) {
            return;
        }
        if (Boolean.getBoolean("orderwatch.api.update")) {
            try {
                Files.createDirectories(source(service).getParent());
                Files.writeString(source(service), now, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError("The API document of " + service + " is not the published one in "
                + "shared-schemas/src/main/resources/openapi/" + service + ".json. If the change is meant, write it "
                + "there with ./mvnw verify -pl services/" + service + " -Dorderwatch.api.update=true and commit it.");
    }

    private static Path source(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared-schemas"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no shared-schemas above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("shared-schemas/src/main/resources/openapi/" + service + ".json");
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(n -> copy.add(sorted(n)));
            return copy;
        }
        return node;
    }
}
