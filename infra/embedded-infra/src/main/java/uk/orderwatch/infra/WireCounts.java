package uk.orderwatch.infra;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What clients asked of the Mongo wire server since it started, by database, command and collection: how many
 * commands (round trips), how many documents they wrote and how many bytes of BSON those were. The benchmark reads
 * it to count the work per report, which does not depend on the machine. The handshake and the driver's heartbeats
 * are not counted.
 */
public final class WireCounts {

    private static final Set<String> NOT_COUNTED = Set.of("hello", "ismaster", "isMaster", "ping", "buildInfo",
            "buildinfo", "endSessions", "saslStart", "saslContinue", "getParameter", "getLastError");

    /** One kind of command on one collection of one database. */
    public record Key(String database, String command, String collection) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return toString().compareTo(other.toString());
        }
    }

    /** Commands sent, and of those with more than one document in them ({@code bulk}); documents and bytes written. */
    public record Tally(long commands, long bulk, long documents, long bytes) {

        public Tally minus(Tally earlier) {
            return earlier == null ? this : new Tally(commands - earlier.commands, bulk - earlier.bulk,
                    documents - earlier.documents, bytes - earlier.bytes);
        }
    }

    private final Map<Key, LongAdder[]> tallies = new ConcurrentHashMap<>();

    void record(String database, Document command) {
        if (command.isEmpty()) {
            return;
        }
        String name = command.keySet().iterator().next();
        if (NOT_COUNTED.contains(name)) {
            return;
        }
        Object target = command.get(name);
        String collection = target instanceof String s ? s : "";
        List<?> written = switch (name) {
            case "insert" -> list(command.get("documents"));
            case "update" -> list(command.get("updates"));
            case "delete" -> list(command.get("deletes"));
            case "findAndModify", "findandmodify" -> command.containsKey("update") ? List.of(command.get("update"))
                    : List.of();
            default -> List.of();
        };
        long bytes = 0;
        for (Object document : written) {
            bytes += size(document);
        }
        LongAdder[] tally = tallies.computeIfAbsent(new Key(database, name, collection),
                k -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()});
        tally[0].increment();
        if (written.size() > 1) {
            tally[1].increment();
        }
        tally[2].add(written.size());
        tally[3].add(bytes);
    }

    /** The counts so far, in a stable order. */
    public Map<Key, Tally> snapshot() {
        Map<Key, Tally> copy = new TreeMap<>();
        tallies.forEach((k, t) -> copy.put(k, new Tally(t[0].sum(), t[1].sum(), t[2].sum(), t[3].sum())));
        return copy;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static long size(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            return 0;
        }
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument((Map<String, ?>) map, buffer);
            return buffer.readableBytes();
        } catch (RuntimeException e) {
            return 0;
        } finally {
            buffer.release();
        }
    }
}
