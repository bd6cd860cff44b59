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

    /** A port on the loopback interface that is free right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
