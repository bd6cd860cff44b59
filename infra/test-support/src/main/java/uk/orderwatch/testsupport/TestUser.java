package uk.orderwatch.testsupport;

/**
 * One user of each role for access tests: of the demo agencies the test orders are assigned to ("own"), a colleague
 * in the same advocacy service, and of other agencies; each with a valid token ({@link TestTokens}).
 */
public enum TestUser {
    POLICE_OWN("POLICE", "demo-police", "demo-oic"),
    POLICE_OTHER("POLICE", "other-police", "other-oic"),
    PROBATION_OWN("PROBATION", "demo-probation", "demo-practitioner"),
    PROBATION_OTHER("PROBATION", "other-probation", "other-practitioner"),
    ADVOCATE_OWN("ADVOCATE", "demo-advocacy", "demo-caseworker"),
    ADVOCATE_COLLEAGUE("ADVOCATE", "demo-advocacy", "demo-advocacy-manager"),
    ADVOCATE_OTHER("ADVOCATE", "other-advocacy", "other-caseworker"),
    ADMIN("ADMIN", "orderwatch-admin", "demo-admin");

    public final String role;
    public final String agencyId;
    public final String personId;
    public final String token;

    TestUser(String role, String agencyId, String personId) {
        this.role = role;
        this.agencyId = agencyId;
        this.personId = personId;
        this.token = TestTokens.token(role, agencyId, personId);
    }

    /** Of an agency the demo orders are assigned to. */
    public boolean own() {
        return agencyId.startsWith("demo-");
    }
}
