package uk.orderwatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the contract checker lets through and what it reports, on a small document. */
class ApiContractTest {

    private static final ApiContract CONTRACT = ApiContract.of("""
            {"openapi": "3.1.0", "paths": {
              "/alerts/{alertId}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}},
                "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
              }}},
              "/alerts": {"post": {
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}},
                "responses": {
                  "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}},
                  "400": {"content": {"application/problem+json": {
                    "schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
               "Alert": {"type": "object", "required": ["alertId"], "properties": {
                 "alertId": {"type": "string"}, "readAt": {"type": "string", "format": "date-time"}}},
               "Problem": {"type": "object",
                 "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}}}}
            """);

    @Test
    void anAnswerTheDocumentDescribesPasses() {
        assertThat(CONTRACT.check("GET", "/alerts/a1?x=1", null, 200, "application/json",
                "{\"alertId\": \"a1\", \"readAt\": \"2026-11-30T10:00:00Z\"}")).isEmpty();
        assertThat(CONTRACT.check("GET", "/alerts/a1", null, 404, "application/problem+json",
                "{\"type\": \"urn:orderwatch:problem:not-found\", \"status\": 404}")).isEmpty();
    }

    @Test
    void aNullAFieldTheDocumentDoesNotNameOrAnUndeclaredStatusIsReported() {
        assertThat(CONTRACT.check("GET", "/alerts/a1", null, 200, "application/json",
                "{\"alertId\": \"a1\", \"readAt\": null}")).singleElement().asString().contains("/readAt");
        assertThat(CONTRACT.check("GET", "/alerts/a1", null, 200, "application/json",
                "{\"alertId\": \"a1\", \"secret\": \"x\"}")).singleElement().asString().contains("secret");
        assertThat(CONTRACT.check("GET", "/alerts/a1", null, 409, "application/problem+json", "{}"))
                .singleElement().asString().contains("status 409 is not among the declared");
        assertThat(CONTRACT.check("GET", "/reports", null, 200, "application/json", "{}"))
                .singleElement().asString().contains("no path /reports");
    }

    @Test
    void aRequestIsHeldToTheDocumentOnlyWhenTheServiceAcceptedIt() {
        String bad = "{\"alertId\": 7}";
        assertThat(CONTRACT.check("POST", "/alerts", bad, 400, "application/problem+json", "{\"status\": 400}"))
                .as("refused: tests send bad input on purpose").isEmpty();
        assertThat(CONTRACT.check("POST", "/alerts", bad, 201, "application/json", "{\"alertId\": \"a1\"}"))
                .as("accepted although the document forbids it").singleElement().asString().contains("request");
    }

    @Test
    void anExampleThatIsNotAWorkingRequestIsReported() {
        var contract = ApiContract.of("""
                {"openapi": "3.1.0", "paths": {"/alerts": {"post": {
                  "requestBody": {"content": {"application/json": {
                    "schema": {"type": "object", "properties": {"alertId": {"type": "string"}}},
                    "examples": {"good": {"value": "{\\"alertId\\": \\"a1\\"}"},
                                 "stale": {"value": {"alert": "a1"}}}}}},
                  "responses": {"201": {"description": "Created"}}}}}}
                """);

        assertThat(contract.checkExamples()).singleElement().asString().contains("example of POST /alerts")
                .contains("alert");
    }
}
