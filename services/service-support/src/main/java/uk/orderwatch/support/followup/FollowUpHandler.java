package uk.orderwatch.support.followup;

/**
 * Does one kind of {@link FollowUp} for the documents of one collection. A service declares one bean per kind. It
 * must be idempotent and work from what is stored: it runs after the write, and again after a crash, a restart or a
 * failure, possibly on another instance at the same time.
 */
public interface FollowUpHandler {

    /** The kind of follow-up this handler does; one handler per kind in a service. */
    String kind();

    /** The stored type whose documents carry this follow-up. */
    Class<?> entity();

    /** Does the follow-up of document {@code id}; throws to leave it pending. */
    void run(String id);

    /** A handler of {@code kind} for documents of {@code entity} that does {@code run}. */
    static FollowUpHandler of(String kind, Class<?> entity, java.util.function.Consumer<String> run) {
        return new FollowUpHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Class<?> entity() {
                return entity;
            }

            @Override
            public void run(String id) {
                run.accept(id);
            }
        };
    }
}
