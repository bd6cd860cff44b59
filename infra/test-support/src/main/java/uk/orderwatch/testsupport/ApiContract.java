package uk.orderwatch.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's published OpenAPI document used as a contract: every request a test sends and every answer it gets is
 * checked against it (issue 19). An answer must have a status the operation declares and a body its schema allows,
 * with no property the schema does not name; a request the service accepted (2xx) must match the operation's
 * request schema. Requests the service refused are left alone: tests send bad input on purpose.
 */
public final class ApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IRI = "https://orderwatch.test/openapi.json";
    /** Answers outside the document by design: the document itself, health, Swagger UI. */
    private static final List<String> OUTSIDE = List.of("/v3/api-docs", "/actuator", "/swagger-ui");

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<PathTemplate> paths;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiContract(JsonNode document) {
        this.document = document;
        ObjectNode strict = (ObjectNode) document.deepCopy();
        closeObjects(strict.path("components"));
        closeObjects(strict.path("paths"));
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(IRI, strict.toString())));
        this.paths = document.path("paths").propertyNames().stream().map(PathTemplate::of)
                .sorted(Comparator.comparingInt(PathTemplate::variables)).toList();
    }

    /** The contract of a published document (the JSON of {@code /v3/api-docs}). */
    public static ApiContract of(String document) {
        return new ApiContract(JSON.readTree(document));
    }

    /**
     * The contract of {@code service}'s live document, once it is checked to be the committed one that clients are
     * generated from ({@link PublishedDocuments}) and its request examples to pass their own schemas.
     */
    public static ApiContract published(String service, String document) {
        PublishedDocuments.check(service, document);
        ApiContract contract = of(document);
        List<String> examples = contract.checkExamples();
        if (!examples.isEmpty()) {
            throw new AssertionError("The API document of " + service + " has examples that are not requests that "
                    + "work:\n  " + String.join("\n  ", examples));
        }
        return contract;
    }

    public JsonNode document() {
        return document;
    }

    /**
     * What the exchange breaks of the contract: nothing when it keeps it. {@code path} may carry a query;
     * {@code requestBody} and {@code responseBody} are the JSON text or empty.
     */
    public List<String> check(String method, String path, String requestBody, int status, String contentType,
                              String responseBody) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (OUTSIDE.stream().anyMatch(bare::startsWith)) {
            return List.of();
        }
        String verb = method.toLowerCase(Locale.ROOT);
        String exchange = method + " " + bare + " → " + status;
        var template = paths.stream().filter(t -> t.matches(bare)).findFirst();
        if (template.isEmpty()) {
            return status == 404 || status == 401 ? List.of()
                    : List.of(exchange + ": the document has no path " + bare);
        }
        String pointer = "/paths/" + escape(template.get().template()) + "/" + verb;
        JsonNode operation = document.at(pointer);
        if (operation.isMissingNode()) {
            return status == 405 || status == 401 ? List.of()
                    : List.of(exchange + ": the document has no " + verb + " on " + template.get().template());
        }
        List<String> violations = new ArrayList<>();
        String declared = operation.path("responses").has(String.valueOf(status)) ? String.valueOf(status)
                : operation.path("responses").has("default") ? "default" : null;
        if (declared == null) {
            violations.add(exchange + ": status " + status + " is not among the declared "
                    + operation.path("responses").propertyNames());
        } else {
            violations.addAll(body(exchange + " answer", pointer + "/responses/" + declared,
                    operation.path("responses").path(declared), contentType, responseBody));
        }
        if (status / 100 == 2 && requestBody != null && !requestBody.isBlank()) {
            violations.addAll(body(exchange + " request", pointer + "/requestBody", operation.path("requestBody"),
                    "application/json", requestBody));
        }
        return violations;
    }

    /** What the document's own request examples break of their schemas: an example must be a request that works. */
    public List<String> checkExamples() {
        List<String> violations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String pointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey() + "/requestBody";
            op.getValue().path("requestBody").path("content").properties().forEach(media -> {
                List<JsonNode> examples = new ArrayList<>();
                if (media.getValue().has("example")) {
                    examples.add(media.getValue().get("example"));
                }
                media.getValue().path("examples").forEach(e -> examples.add(e.path("value")));
                for (JsonNode example : examples) {
                    String json = example.isString() ? example.asString() : example.toString();
                    violations.addAll(body("example of " + op.getKey().toUpperCase(Locale.ROOT) + " "
                            + path.getKey(), pointer, op.getValue().path("requestBody"), media.getKey(), json));
                }
            });
        }));
        return violations;
    }

    /** What a webhook body the service sent breaks of the {@code webhooks} entry {@code name} of its document. */
    public List<String> checkWebhook(String name, String body) {
        String pointer = "/webhooks/" + escape(name) + "/post/requestBody";
        if (document.at(pointer).isMissingNode()) {
            return List.of("the document describes no webhook " + name);
        }
        return body("webhook " + name, pointer, document.at(pointer), "application/json", body);
    }

    /** What the data of one Server-Sent Event of the stream at {@code path} breaks of the stream's schema. */
    public List<String> checkStreamEvent(String path, String data) {
        String pointer = "/paths/" + escape(path) + "/get/responses/200";
        JsonNode response = document.at(pointer);
        JsonNode schema = response.path("content").path("text/event-stream").path("schema");
        if (schema.isMissingNode()) {
            return List.of("the document describes no events of " + path);
        }
        Schema validator = schemas.computeIfAbsent(pointer + "/content/text~1event-stream/schema",
                p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
        return validator.validate(data, InputFormat.JSON).stream()
                .map(e -> "event of " + path + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private List<String> body(String what, String pointer, JsonNode declaration, String contentType, String body) {
        JsonNode content = declaration.path("content");
        if (body == null || body.isBlank()) {
            return List.of();
        }
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of(what + ": a body the document does not describe");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        String media = content.has(type) ? type
                : type.endsWith("+json") && content.has("application/json") ? "application/json"
                : content.has("*/*") ? "*/*" : null;
        if (media == null) {
            return List.of(what + ": content type " + type + " is not among " + content.propertyNames());
        }
        if (!type.contains("json") || !content.path(media).has("schema")) {
            return List.of();
        }
        Schema schema = schemas.computeIfAbsent(pointer + "/content/" + escape(media) + "/schema",
                p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        return errors.stream().map(e -> what + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /** Objects that name their properties allow no others: a field the document does not name is a violation. */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")
                && !object.has("allOf") && !object.has("oneOf") && !object.has("anyOf")) {
            object.put("additionalProperties", false);
        }
        for (JsonNode child : node) {
            closeObjects(child);
        }
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private record PathTemplate(String template, Pattern pattern, int variables) {

        static PathTemplate of(String template) {
            StringBuilder regex = new StringBuilder("^");
            int variables = 0;
            for (String part : template.split("(?=\\{)|(?<=})")) {
                if (part.startsWith("{")) {
                    regex.append("[^/]+");
                    variables++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            return new PathTemplate(template, Pattern.compile(regex.append("/?$").toString()), variables);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
