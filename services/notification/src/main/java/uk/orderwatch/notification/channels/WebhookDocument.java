package uk.orderwatch.notification.channels;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The notification service's document also describes what it sends: the webhook an agency's case system receives
 * ({@code webhooks: alert.raised}, its body the JSON Schema in shared-schemas, its Standard Webhooks headers), so an
 * agency can generate or check its receiver from the same document as its client.
 */
@Component
public class WebhookDocument implements OpenApiCustomizer {

    public static final String SCHEMA_RESOURCE = "/webhooks/alert.raised.v1.schema.json";
    static final String SCHEMA_NAME = "AlertWebhook";

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new io.swagger.v3.oas.models.Components());
        }
        api.getComponents().addSchemas(SCHEMA_NAME, bodySchema());
        var operation = new Operation().summary("An alert for one of the agency's people")
                .description("POSTed to the agency's webhook address for each alert raised for one of its people, "
                        + "signed as Standard Webhooks specifies with the secret shared with that agency: verify "
                        + "the signature and reject timestamps more than 5 minutes off. The same webhook-id may "
                        + "come again (a retry): treat it once.")
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA_NAME)))))
                .addParametersItem(header("webhook-id", "msg_<alertId>: the same for every attempt of one alert"))
                .addParametersItem(header("webhook-timestamp", "Seconds since the epoch when it was signed"))
                .addParametersItem(header("webhook-signature", "v1,<base64 HMAC-SHA256 of id.timestamp.body>"))
                .responses(new ApiResponses()
                        .addApiResponse("2XX", new ApiResponse().description("Received: it is not sent again"))
                        .addApiResponse("default", new ApiResponse().description("A 5xx, 408, 429 or no answer "
                                + "within 5 seconds is tried again later; any other answer, or a redirect, is "
                                + "not, and the alert's next channel or escalation takes over.")));
        operation.setSecurity(java.util.List.of());
        api.addWebhooks("alert.raised", new PathItem().post(operation));
    }

    private static HeaderParameter header(String name, String description) {
        return (HeaderParameter) new HeaderParameter().name(name).required(true).description(description)
                .schema(new StringSchema());
    }

    private static Schema<?> bodySchema() {
        try (InputStream in = WebhookDocument.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCHEMA_RESOURCE);
            }
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json31.mapper().readTree(in);
            tree.remove("$schema");
            tree.remove("$id");
            return Json31.mapper().treeToValue(tree, Schema.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
