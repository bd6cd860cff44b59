package uk.orderwatch.support.security;

/** The names of the claims orderwatch reads from an access token (the identity server writes them). */
public final class Claims {

    public static final String ROLE = "role";
    public static final String AGENCY = "agency_id";
    public static final String PERSON = "person_id";
    public static final String SUPERVISOR = "supervisor";

    private Claims() {
    }
}
