package uk.orderwatch.registry.orders;

/** Request examples shown in the OpenAPI documentation (Swagger UI), using the demo agencies. */
final class ApiExamples {

    static final String SPO = """
            {"type": "SPO",
             "court": {"name": "Oxford Magistrates Court", "code": "B43KQ"},
             "courtCaseReference": "43KQ0123456",
             "madeOn": "2026-11-20", "endsOn": "2028-11-20",
             "subject": {"name": "John Example", "dateOfBirth": "1985-03-02", "pncId": "2019/0123456X", "crn": "X123456"},
             "protectedPersons": [{"name": "Jane Protected", "address": "1 Safe House Lane", "phone": "07700900999",
                                   "advocatePersonId": "demo-caseworker"}],
             "conditions": [
               {"category": "NO_CONTACT", "description": "No contact with the protected person by any means"},
               {"category": "PROGRAMME", "description": "Attend a stalking perpetrator programme",
                "supervisingAgencyId": "demo-probation",
                "programme": {"name": "Stalking Perpetrator Programme", "provider": "Demo Interventions", "sessions": 12,
                              "schedule": {"firstSessionAt": "2026-12-01T14:00:00Z", "intervalDays": 7,
                                           "durationMinutes": 120}}}],
             "agencies": {"police": {"agencyId": "demo-police", "personId": "demo-oic"},
                          "probation": {"agencyId": "demo-probation", "personId": "demo-practitioner"},
                          "advocacy": {"agencyId": "demo-advocacy", "personId": "demo-caseworker"}}}
            """;

    static final String SERVE = """
            {"servedAt": "2026-11-21T09:12:00Z"}
            """;

    static final String VARY = """
            {"endsOn": "2029-11-20", "reason": "Court extended the order on the application of the police"}
            """;

    static final String REASSIGN = """
            {"agencyKind": "PROBATION", "agencyId": "demo-probation", "personId": "demo-senior-practitioner"}
            """;

    static final String RENEW = """
            {"endsOn": "2030-11-20"}
            """;

    static final String INTERIM_END = """
            {"outcome": "FULL_ORDER_REFUSED", "decidedOn": "2026-12-15"}
            """;

    static final String DISCHARGE = """
            {"dischargedOn": "2027-06-01", "reason": "Discharged on the application of the defendant"}
            """;

    private ApiExamples() {
    }
}
