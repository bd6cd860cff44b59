package uk.orderwatch.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server), spoken to by the real MongoDB driver.
 * With a file it keeps data across restarts (H2 MVStore backend); without, it is in memory (tests).
 * It has no multi-document transactions, no TTL expiry and no {@code hello}; orderwatch is designed within that.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoBackend backend;
    private final MongoServer server;
    private final int port;
    private final WireCounts counts = new WireCounts();

    private MongoWireServer(MongoBackend backend, int port) {
        this.backend = backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(counting(this.backend, counts));
        this.port = port == 0 ? Ports.free() : port;
        server.bind("localhost", this.port);
    }

    public static MongoWireServer inMemory() {
        return inMemory(0);
    }

    /** An in-memory server on {@code port} (0: any free port). */
    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(new IdLookupMemoryBackend(), port);
    }

    /** A server on {@code port} that keeps its data in the file {@code dataFile}. */
    public static MongoWireServer persistent(Path dataFile, int port) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MongoWireServer(new H2Backend(dataFile.toAbsolutePath().toString()), port);
    }

    /** The connection string of database {@code database} on this server. */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** What clients asked of this server so far (the benchmark's count of work per report). */
    public WireCounts counts() {
        return counts;
    }

    /** The backend, with every message a client sends counted on its way in. */
    private static MongoBackend counting(MongoBackend backend, WireCounts counts) {
        return (MongoBackend) java.lang.reflect.Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("handleMessage") && args[0] instanceof MongoMessage message) {
                        counts.record(message.getDatabaseName(), message.getDocument());
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (backend instanceof H2Backend h2) {
            h2.close();
        }
    }
}
