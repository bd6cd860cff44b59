package uk.orderwatch.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers for the in-process infrastructure. */
public final class Ports {

    private Ports() {
    }

    /** Below Linux's ephemeral range (32768 and up), out of which outgoing connections take their local ports. */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port on the loopback interface that is free right now, not handed out before by this JVM, and outside the
     * ephemeral range: a service started a little later on it cannot find it taken by some client's outgoing
     * connection meanwhile.
     */
    public static int free() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(LOWEST, HIGHEST);
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                if (GIVEN.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + LOWEST + " and " + HIGHEST));
    }

    /**
     * Fails with a message naming the port and the setting that changes it when something already listens there.
     */
    public static void requireFree(int port, String what, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(port, what, setting);
        }
    }

    /** A port orderwatch needs is taken by another program. */
    public static final class PortInUseException extends RuntimeException {
        public PortInUseException(int port, String what, String setting) {
            super("Port " + port + " (" + what + ") is already in use by another program. Stop that program, or "
                    + "choose another port with " + setting + "=<port>.");
        }
    }
}
