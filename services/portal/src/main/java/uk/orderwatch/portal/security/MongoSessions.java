package uk.orderwatch.portal.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The portal's sessions (who is signed in, their tokens, a sign-in under way) in MongoDB, so any instance of the
 * portal serves any signed-in user and a restart signs nobody out (ADR 21).
 *
 * <p>A request that changed nothing but the time of the session's last use writes only that, and at most once a
 * minute; one that changed what the session holds writes that too. So a long request (the live alert stream) that
 * ends after another request refreshed the tokens does not put the old ones back. What the session holds is stored
 * in Java's serialized form, the form Spring Security's own objects are made for; reading it back accepts only the
 * classes a session of the portal holds.
 */
public class MongoSessions implements SessionRepository<MongoSessions.StoredSession> {

    static final String COLLECTION = "sessions";
    /** A session's last use is written when it moved on by more than this: the timeout is hours. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** What a stored session may hold: the JDK's own types, Spring's (Security, OAuth2, flash messages), Nimbus's claims. */
    static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=40;maxrefs=10000;maxbytes=1000000;java.**;org.springframework.**;com.nimbusds.**;"
                    + "net.minidev.**;!*");

    private final MongoTemplate mongo;
    private final Duration timeout;
    private final Clock clock;

    public MongoSessions(MongoTemplate mongo, Duration timeout, Clock clock) {
        this.mongo = mongo;
        this.timeout = timeout;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("sessions_expire"));
    }

    @Override
    public StoredSession createSession() {
        var session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(session.getCreationTime());
        session.setMaxInactiveInterval(timeout);
        return new StoredSession(session, null, null, null);
    }

    @Override
    public void save(StoredSession session) {
        byte[] attributes = serialize(session.delegate);
        Instant lastUsed = session.getLastAccessedTime();
        Date expiresAt = Date.from(lastUsed.plus(session.getMaxInactiveInterval()));
        boolean renamed = session.storedId != null && !session.storedId.equals(session.getId());
        if (session.storedId == null || renamed) {
            if (renamed) {
                mongo.remove(Query.query(Criteria.where("_id").is(session.storedId)), COLLECTION);
            }
            mongo.save(new Document("_id", session.getId())
                    .append("createdAt", Date.from(session.getCreationTime()))
                    .append("lastUsedAt", Date.from(lastUsed))
                    .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                    .append("expiresAt", expiresAt)
                    .append("attributes", new Binary(attributes)), COLLECTION);
        } else {
            var update = new Update();
            if (!Arrays.equals(attributes, session.storedAttributes)) {
                update.set("attributes", new Binary(attributes));
            }
            if (Duration.between(session.storedLastUsed, lastUsed).compareTo(TOUCH_EVERY) > 0
                    || !update.getUpdateObject().isEmpty()) {
                update.set("lastUsedAt", Date.from(lastUsed)).set("expiresAt", expiresAt)
                        .set("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds());
            }
            if (update.getUpdateObject().isEmpty()) {
                return;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(session.getId())), update, COLLECTION);
        }
        session.stored(attributes, lastUsed);
    }

    @Override
    public StoredSession findById(String id) {
        Document stored = mongo.findById(id, Document.class, COLLECTION);
        if (stored == null) {
            return null;
        }
        var session = new MapSession(id);
        session.setCreationTime(stored.getDate("createdAt").toInstant());
        Instant lastUsed = stored.getDate("lastUsedAt").toInstant();
        session.setLastAccessedTime(lastUsed);
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) stored.get("maxInactiveSeconds")).longValue()));
        if (!lastUsed.plus(session.getMaxInactiveInterval()).isAfter(clock.instant())) {
            deleteById(id);
            return null;
        }
        byte[] attributes = stored.get("attributes", Binary.class).getData();
        deserialize(attributes).forEach(session::setAttribute);
        return new StoredSession(session, id, attributes, lastUsed);
    }

    @Override
    public void deleteById(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    private static byte[] serialize(MapSession session) {
        HashMap<String, Object> attributes = new HashMap<>();
        for (String name : session.getAttributeNames()) {
            Object value = session.getAttribute(name);
            if (!(value instanceof Serializable)) {
                throw new IllegalStateException("session attribute " + name + " cannot be stored: "
                        + value.getClass().getName());
            }
            attributes.put(name, value);
        }
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new IllegalStateException("the session could not be stored", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] attributes) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(attributes))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored session could not be read", e);
        }
    }

    /** A session as the portal uses it, with what was last stored of it. */
    public static final class StoredSession implements Session {

        private final MapSession delegate;
        private String storedId;
        private byte[] storedAttributes;
        private Instant storedLastUsed;

        StoredSession(MapSession delegate, String storedId, byte[] storedAttributes, Instant storedLastUsed) {
            this.delegate = delegate;
            this.storedId = storedId;
            this.storedAttributes = storedAttributes;
            this.storedLastUsed = storedLastUsed;
        }

        void stored(byte[] attributes, Instant lastUsed) {
            storedId = delegate.getId();
            storedAttributes = attributes;
            storedLastUsed = lastUsed;
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            delegate.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
