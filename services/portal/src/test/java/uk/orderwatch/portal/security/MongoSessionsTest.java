package uk.orderwatch.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import uk.orderwatch.testsupport.SharedTestInfra;

/** Portal sessions in MongoDB: what one instance stored, another reads; a session's use is written sparingly. */
class MongoSessionsTest {

    final String database = "portal-sessions-" + UUID.randomUUID();
    final MongoClient client = MongoClients.create(SharedTestInfra.mongo().uri(database));
    final MongoTemplate mongo = new MongoTemplate(client, database);
    /** Two instances of the portal on one database. */
    final MongoSessions one = new MongoSessions(mongo, Duration.ofHours(8), Clock.systemUTC());
    final MongoSessions other = new MongoSessions(mongo, Duration.ofHours(8), Clock.systemUTC());

    @AfterEach
    void close() {
        client.close();
    }

    static SecurityContextImpl signedIn(String who) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(who, null,
                List.of(new SimpleGrantedAuthority("ROLE_POLICE"))));
    }

    Document stored(String id) {
        return mongo.findById(id, Document.class, MongoSessions.COLLECTION);
    }

    @Test
    void aSessionStoredByOneInstanceIsReadByAnotherWithWhatItHolds() {
        var session = one.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", signedIn("alex.morgan"));
        session.setAttribute("page", new ArrayList<>(List.of("orders", 2)));
        one.save(session);

        var read = other.findById(session.getId());

        assertThat(read).isNotNull();
        SecurityContextImpl context = read.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("alex.morgan");
        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_POLICE");
        List<Object> page = read.getAttribute("page");
        assertThat(page).containsExactly("orders", 2);
        assertThat(read.getMaxInactiveInterval()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aNewIdAtSignInReplacesTheOldOneWhichFindsNothingAfterwards() {
        var session = one.createSession();
        session.setAttribute("x", "before sign-in");
        one.save(session);
        String before = session.getId();

        var read = other.findById(before);
        read.changeSessionId();
        read.setAttribute("SPRING_SECURITY_CONTEXT", signedIn("priya.shah"));
        other.save(read);

        assertThat(one.findById(before)).as("the id given before sign-in is no good after it").isNull();
        assertThat(one.findById(read.getId()).<String>getAttribute("x")).isEqualTo("before sign-in");
    }

    @Test
    void aRequestThatChangedNothingWritesItsUseAtMostOnceAMinuteAndDoesNotPutBackWhatAnotherChanged() {
        var session = one.createSession();
        session.setAttribute("token", "first");
        one.save(session);
        Instant firstUse = stored(session.getId()).getDate("lastUsedAt").toInstant();

        // a long request (the live stream) read the session; meanwhile another request refreshed the token
        var streaming = other.findById(session.getId());
        var refreshing = one.findById(session.getId());
        refreshing.setAttribute("token", "refreshed");
        one.save(refreshing);
        // the stream ends seconds later, having changed nothing
        streaming.setLastAccessedTime(firstUse.plusSeconds(30));
        other.save(streaming);

        assertThat(one.findById(session.getId()).<String>getAttribute("token")).isEqualTo("refreshed");
        assertThat(stored(session.getId()).getDate("lastUsedAt").toInstant()).as("not worth a write yet")
                .isEqualTo(firstUse);

        streaming.setLastAccessedTime(firstUse.plus(Duration.ofMinutes(2)));
        other.save(streaming);
        assertThat(stored(session.getId()).getDate("lastUsedAt").toInstant())
                .isEqualTo(firstUse.plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS));
        assertThat(one.findById(session.getId()).<String>getAttribute("token")).isEqualTo("refreshed");
    }

    @Test
    void aSessionUnusedForLongerThanItsTimeoutIsGone() {
        var session = one.createSession();
        session.setLastAccessedTime(Instant.now().minus(Duration.ofHours(9)));
        one.save(session);

        assertThat(other.findById(session.getId())).isNull();
        assertThat(stored(session.getId())).as("and removed").isNull();
    }

    @Test
    void aStoredSessionHoldingAClassNoSessionOfThePortalHoldsIsNotRead() {
        var session = one.createSession();
        session.setAttribute("odd", new Odd());
        one.save(session);

        assertThatThrownBy(() -> other.findById(session.getId())).isInstanceOf(IllegalStateException.class);
    }

    /** Stands for a class planted in the store: serializable, but not of the kinds a session holds. */
    static final class Odd implements java.io.Serializable {
    }
}
