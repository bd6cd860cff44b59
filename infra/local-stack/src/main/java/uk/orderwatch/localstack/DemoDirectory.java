package uk.orderwatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records agencies and their duty arrangements in a running stack's directory through its API, as its administrators
 * would: a change of where an agency's alerts go (202) is approved by the second administrator, as the directory
 * requires; the rotas and escalation policies are recorded after the agency, whose people they name.
 */
public final class DemoDirectory {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String notification;
    private final Function<String, String> tokenOf;

    /**
     * @param notification the notification service's base URL
     * @param tokenOf      a demo user's access token by username
     */
    public DemoDirectory(String notification, Function<String, String> tokenOf) {
        this.notification = notification;
        this.tokenOf = tokenOf;
    }

    /** Records the agency ({@code body}: the PUT body), approving a change of where its alerts go if it is one. */
    public void recordAgency(String agencyId, ObjectNode body) {
        var response = send("PUT", "/directory/agencies/" + agencyId, DemoData.ADMIN, body.toString());
        if (response.statusCode() == 202) {
            String changeId = DemoData.JSON.readTree(response.body()).get("changeId").asString();
            response = send("POST", "/directory/changes/" + changeId + "/approval", DemoData.SECOND_ADMIN, null);
        }
        check(response, "recording agency " + agencyId);
    }

    /** Records the agency's rotas, then its escalation policies ({@code duty}: as in demo/duty.json). */
    public void recordDuty(String agencyId, JsonNode duty) {
        String base = "/directory/agencies/" + agencyId + "/duty";
        duty.get("rotas").properties().forEach(rota -> check(send("PUT", base + "/rotas/" + rota.getKey(),
                DemoData.ADMIN, rota.getValue().toString()), "recording rota " + rota.getKey() + " of " + agencyId));
        check(send("PUT", base + "/escalation-policy", DemoData.ADMIN, duty.get("policies").toString()),
                "recording the escalation policies of " + agencyId);
    }

    /** The demo agencies and their duty arrangements. */
    public void recordDemoAgencies() {
        var duty = DemoData.duty();
        for (var agency : DemoData.agencies()) {
            String id = agency.get("agencyId").asString();
            recordAgency(id, agency.deepCopy().without("agencyId"));
            if (duty.has(id)) {
                recordDuty(id, duty.get(id));
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String user, String body) {
        var request = HttpRequest.newBuilder(URI.create(notification + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokenOf.apply(user))
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (body != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
