package uk.orderwatch.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.util.AntPathMatcher;
import uk.orderwatch.support.idempotency.IdempotencyFilter;
import uk.orderwatch.support.tracing.Traces;

/**
 * What every service's published OpenAPI document says the same way, so that it is true to the wire (issue 19): the
 * bearer-token security scheme, the problem-details body of every error status each operation can answer, the
 * {@code Idempotency-Key} header of every POST and PUT, {@code Retry-After} where an answer carries it, and the
 * {@code traceparent} every answer carries.
 *
 * <p>The statuses follow from what the shared filters and handlers do: every operation may answer 500 and 503 (store
 * unreachable); one that needs a token 401, 403 and 429 (rate limit); one with a path variable 404; one with query
 * parameters or a body 400; one with a body 413 and 415; every write 409 and 422 (the request conflicts with the
 * record or a rule, or its Idempotency-Key is in use or was used for another request).
 */
public final class ApiDocuments implements OpenApiCustomizer {

    public static final String PROBLEM = "Problem";
    public static final String FIELD_PROBLEM = "FieldProblem";
    public static final String BEARER = "bearer";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("400", "The request is not valid: `errors` names each field and why; nothing was changed."),
            Map.entry("401", "No valid access token: sign in again."),
            Map.entry("403", "The caller's role or agency may not do this, or may not see this case."),
            Map.entry("404", "Nothing of that id, or nothing the caller may know of."),
            Map.entry("409", "The request conflicts with the record as it is now, or its Idempotency-Key is still "
                    + "being handled (try again after Retry-After); nothing was changed."),
            Map.entry("413", "The body is larger than this operation accepts."),
            Map.entry("415", "The body is not `application/json`."),
            Map.entry("422", "The request breaks a rule of the law or of the case (`type` names it), or its "
                    + "Idempotency-Key was used for another request; nothing was changed."),
            Map.entry("429", "Too many requests from this caller in a short time; nothing was done. Try again after "
                    + "Retry-After seconds."),
            Map.entry("500", "Something unexpected went wrong; nothing was changed unless a later read shows it."),
            Map.entry("503", "The service's store cannot be reached; nothing was changed. Try again after "
                    + "Retry-After seconds."));
    private static final List<String> WITH_RETRY_AFTER = List.of("409", "429", "503");
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    /** The major version of the API: it changes only with a change that breaks clients (README, API). */
    public static final String VERSION = "1";

    private final String service;
    private final Predicate<String> isPublic;

    /** {@code service}: its name; {@code publicPaths}: the Ant patterns it serves without a token. */
    public ApiDocuments(String service, List<String> publicPaths) {
        this.service = service;
        var matcher = new AntPathMatcher();
        this.isPublic = path -> publicPaths.stream().anyMatch(p -> matcher.match(p, path));
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.setInfo(new io.swagger.v3.oas.models.info.Info().title("orderwatch " + service).version(VERSION)
                .description("Part of orderwatch, which tells the police, probation and the victim's advocate of a "
                        + "breach of a Stalking Protection Order or a missed programme session. A field with no value "
                        + "is left out of an answer, never written as null. Every error is an RFC 9457 problem "
                        + "(application/problem+json). A later document of this version only adds: what it "
                        + "removes it first marks deprecated; clients should accept enum values they do not know."));
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getComponents().addSchemas(FIELD_PROBLEM, fieldProblemSchema());
        api.getComponents().addHeaders(Traces.TRACEPARENT, new Header()
                .description("The W3C trace context of this request: its trace follows the request through the "
                        + "events it caused to each alert and delivery (an alert's `traceId`). A caller's own "
                        + "`traceparent` is continued.")
                .schema(new StringSchema().pattern("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")));
        api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("An access token from the orderwatch identity "
                        + "server (OpenID Connect): the caller's person, agency and role come from it, never from "
                        + "the request."));
        api.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        api.setServers(null);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getOperationId() != null && operation.getOperationId().matches(".*_\\d+")) {
                // springdoc numbered a second method of the same name: a generated client's method name would
                // then depend on the order the controllers were found in
                throw new IllegalStateException(method + " " + path + " needs an operationId of its own: "
                        + "@Operation(operationId = ...)");
            }
            describe(path, method.name().toLowerCase(java.util.Locale.ROOT), operation);
        }));
    }

    private void describe(String path, String method, Operation operation) {
        boolean open = isPublic.test(path);
        if (open) {
            operation.setSecurity(List.of());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        var statuses = new java.util.TreeSet<>(List.of("500", "503"));
        if (!open) {
            statuses.addAll(List.of("401", "403", "429"));
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (body || parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
            statuses.add("400");
        }
        if (body) {
            statuses.addAll(List.of("413", "415"));
        }
        if (WRITES.contains(method)) {
            statuses.addAll(List.of("409", "422"));
            if (open) {
                statuses.add("429");
            }
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        var existing = operation.getResponses();
        var ordered = new TreeMap<String, ApiResponse>(existing);
        for (String status : statuses) {
            ordered.computeIfAbsent(status, s -> problem(REASONS.get(s), WITH_RETRY_AFTER.contains(s)));
        }
        existing.clear();
        existing.putAll(ordered);
        existing.values().forEach(response -> response.addHeaderObject(Traces.TRACEPARENT,
                new Header().$ref("#/components/headers/" + Traces.TRACEPARENT)));
        if (method.equals("post") || method.equals("put")) {
            operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                    .description("Makes the request safe to retry (IETF draft semantics): the same key and request "
                            + "get the first success again; the key with another request, 422; while the first is "
                            + "still being handled, 409 with Retry-After. A refused request (4xx) changes nothing "
                            + "and frees its key. Keys are the caller's own and kept 24 hours. 1 to 255 visible "
                            + "ASCII characters, e.g. a UUID.")
                    .schema(new StringSchema().minLength(1).maxLength(255)));
        }
    }

    private static ApiResponse problem(String description, boolean retryAfter) {
        var response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (retryAfter) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    /** RFC 9457 problem details as every orderwatch service writes them. */
    private static Schema<?> fieldProblemSchema() {
        return new ObjectSchema().description("One field of the request and what is wrong with it")
                .addProperty("field", new StringSchema().description("The field, as a JSON path in the request"))
                .addProperty("reason", new StringSchema().description("Why it is refused"))
                .required(List.of("field", "reason"));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("urn:orderwatch:problem:<code>, the kind of "
                        + "problem; stable for clients to act on"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What happened to this request, for people"))
                .addProperty("instance", new StringSchema().description("The request path"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/"
                        + FIELD_PROBLEM)).description("Each refused field"))
                .required(List.of("type", "title", "status"));
    }
}
