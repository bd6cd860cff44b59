package uk.orderwatch.notification;

/** Request examples shown in the OpenAPI documentation (Swagger UI). */
public final class ApiExamples {

    public static final String AGENCY = """
            {"kind": "POLICE", "name": "Demo Constabulary",
             "people": [
               {"personId": "demo-oic", "name": "DC Alex Morgan", "jobTitle": "Officer in charge",
                "email": "alex.morgan@police.orderwatch.test", "mobile": "07700900111"},
               {"personId": "demo-duty-inspector", "name": "Insp. Sam Okafor", "jobTitle": "Duty inspector",
                "email": "duty.inspector@police.orderwatch.test"}],
             "webhook": {"url": "https://case-system.police.example/orderwatch",
                         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
             "escalationChain": ["demo-duty-inspector"]}
            """;

    public static final String ACKNOWLEDGE = """
            {"personId": "demo-oic", "note": "Arrest planned for tonight"}
            """;

    private ApiExamples() {
    }
}
