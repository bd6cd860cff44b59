package uk.orderwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The compatibility rule of the published documents, on small documents that differ in one thing each. */
class ApiCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A document with one operation taking and answering an Order, with the given Order properties. */
    private static JsonNode document(String orderProperties, String required, String extraPath) {
        return JSON.readTree("""
                {"openapi": "3.1.0", "paths": {
                  "/orders": {"post": {"operationId": "registerOrder",
                    "requestBody": {"content": {"application/json": {
                      "schema": {"$ref": "#/components/schemas/Order"}}}},
                    "responses": {"201": {"description": "Created"}}}}%s},
                 "components": {"schemas": {"Order": {"type": "object", "required": [%s],
                   "properties": {%s}}}}}
                """.formatted(extraPath, required, orderProperties));
    }

    private static final String TODAY = """
            "orderId": {"type": "string"}, "type": {"type": "string", "enum": ["SPO", "DAPO"]}""";
    private static final String OLD_PATH = """
            , "/orders/{orderId}": {"get": {"parameters": [{"in": "path", "name": "orderId", "required": true}],
               "responses": {"200": {"description": "OK"}}}}""";

    @Test
    void addingAFieldAPathOrAnEnumValueBreaksNothing() {
        var added = document(TODAY.replace("\"DAPO\"]", "\"DAPO\", \"RESTRAINING_ORDER\"]")
                + ", \"notes\": {\"type\": \"string\"}", "", OLD_PATH + ", \"/reports\": {\"get\": {\"responses\": "
                + "{\"200\": {\"description\": \"OK\"}}}}");

        assertThat(ApiCompatibility.breaks(document(TODAY, "", OLD_PATH), added)).isEmpty();
    }

    @Test
    void removingAFieldOrAPathIsABreakUnlessTheyWereDeprecatedFirst() {
        var before = document(TODAY, "", OLD_PATH);
        var without = document("\"orderId\": {\"type\": \"string\"}", "", "");

        assertThat(ApiCompatibility.breaks(before, without)).containsExactlyInAnyOrder(
                "GET /orders/{orderId} was removed without being deprecated first",
                "schema Order.type was removed without being deprecated first");

        var deprecated = document(TODAY.replace("\"type\": {", "\"type\": {\"deprecated\": true, "), "",
                OLD_PATH.replace("\"get\": {", "\"get\": {\"deprecated\": true, "));
        assertThat(ApiCompatibility.breaks(deprecated, without)).isEmpty();
    }

    @Test
    void aChangedTypeARemovedEnumValueOrANewRequiredRequestFieldIsABreak() {
        var before = document(TODAY, "", "");

        assertThat(ApiCompatibility.breaks(before, document(TODAY.replace("\"orderId\": {\"type\": \"string\"}",
                "\"orderId\": {\"type\": \"integer\"}"), "", ""))).singleElement().asString()
                .startsWith("schema Order.orderId changed from");
        assertThat(ApiCompatibility.breaks(before, document(TODAY.replace(", \"DAPO\"", ""), "", "")))
                .containsExactly("schema Order.type no longer has the values [DAPO]");
        assertThat(ApiCompatibility.breaks(before, document(TODAY, "\"type\"", "")))
                .containsExactly("schema Order.type became required in a request");
    }

    @Test
    void droppingASuccessStatusIsABreak() {
        var before = document(TODAY, "", "");
        var after = JSON.readTree(before.toString().replace("\"201\"", "\"200\""));

        assertThat(ApiCompatibility.breaks(before, after)).containsExactly("POST /orders no longer answers 201");
    }
}
