package uk.orderwatch.notification;

/** Request examples shown in the OpenAPI documentation (Swagger UI). */
public final class ApiExamples {

    public static final String AGENCY = """
            {"kind": "POLICE", "name": "Demo Constabulary",
             "people": [
               {"personId": "demo-oic", "name": "DC Alex Morgan", "jobTitle": "Officer in charge",
                "email": "alex.morgan@police.orderwatch.test", "mobile": "07700900111"},
               {"personId": "demo-duty-inspector", "name": "Insp. Sam Okafor", "jobTitle": "Duty inspector",
                "email": "duty.inspector@police.orderwatch.test", "supervisor": true},
               {"personId": "demo-control-room", "name": "Force control room", "jobTitle": "Control room",
                "email": "control.room@police.orderwatch.test", "mobile": "07700900999"}],
             "webhook": {"url": "https://case-system.police.example/orderwatch",
                         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
             "fallbackPersonId": "demo-control-room"}
            """;

    public static final String ACKNOWLEDGE = """
            {"note": "Arrest planned for tonight"}
            """;

    private ApiExamples() {
    }
}
