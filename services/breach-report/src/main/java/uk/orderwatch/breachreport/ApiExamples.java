package uk.orderwatch.breachreport;

/** Request examples shown in the OpenAPI documentation (Swagger UI), using the demo agencies. */
public final class ApiExamples {

    public static final String BREACH_OUTCOME = """
            {"step": "CHARGED", "at": "2026-11-28T16:00:00Z", "reasonableExcuseRaised": false}
            """;

    public static final String BREACH = """
            {"conditionId": "c1", "occurredAt": "2026-11-27T20:30:00Z",
             "description": "Sent six messages from a new social media account",
             "location": "Online", "evidenceReferences": ["screenshot-1"]}
            """;

    public static final String ATTENDANCE = """
            {"conditionId": "c2", "sessionStart": "2026-11-26T14:00:00Z", "attended": "NO"}
            """;

    public static final String OUTCOME = """
            {"didSessionHappen": true, "attended": "LATE", "lateReason": "Bus cancelled",
             "concern": {"description": "Asked where she lives now", "tellPractitioner": true, "risk": true}}
            """;

    public static final String NOTIFIED = """
            {"kind": "INITIAL", "notifiedAt": "2026-11-22T11:00:00Z"}
            """;

    private ApiExamples() {
    }
}
