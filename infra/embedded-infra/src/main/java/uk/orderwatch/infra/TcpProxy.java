package uk.orderwatch.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in front of a server, to make it fail on purpose: {@link #cut()} closes every connection and refuses
 * new ones (the server looks down), {@link #flaky(double)} drops that share of new connections at once, and
 * {@link #restore()} lets everything through again. The proxy keeps its port, so clients need no new address.
 *
 * <p>With several targets ({@link #roundRobin}) it is the local stack's entry point to the instances of a service:
 * each new connection goes to the next target that accepts it, so a killed instance is passed over.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);

    private final String name;
    private final int port;
    private final String targetHost;
    private final List<Integer> targetPorts;
    private final java.util.concurrent.atomic.AtomicInteger nextTarget = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy-pump");
        t.setDaemon(true);
        return t;
    });
    private final Random random = new Random(7);
    private volatile double dropShare;
    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong connections = new java.util.concurrent.atomic.AtomicLong();

    private TcpProxy(String name, int port, String targetHost, List<Integer> targetPorts) {
        this.name = name;
        this.port = port;
        this.targetHost = targetHost;
        this.targetPorts = List.copyOf(targetPorts);
    }

    /** A proxy on a free port forwarding to {@code targetHost:targetPort}. */
    public static TcpProxy start(String name, String targetHost, int targetPort) {
        var proxy = new TcpProxy(name, Ports.free(), targetHost, List.of(targetPort));
        proxy.listen();
        return proxy;
    }

    /**
     * A proxy on {@code port} handing each new connection to the next of {@code targetPorts} in turn, passing over
     * one that refuses it (stopped, killed, not started yet); a client whose every target refuses is disconnected.
     */
    public static TcpProxy roundRobin(String name, int port, String targetHost, List<Integer> targetPorts) {
        var proxy = new TcpProxy(name, port, targetHost, targetPorts);
        proxy.listen();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** How many connections clients opened through the proxy so far. */
    public long connections() {
        return connections.get();
    }

    /** The server is unreachable: live connections are reset and new ones refused. */
    public synchronized void cut() {
        stopListening();
        dropConnections();
        log.info("{} proxy: cut", name);
    }

    /** The server answers again, every connection going through. */
    public synchronized void restore() {
        dropShare = 0;
        if (server == null) {
            listen();
        }
        log.info("{} proxy: restored", name);
    }

    /** The server fails now and then: {@code share} of new connections are closed as soon as they are accepted. */
    public synchronized void flaky(double share) {
        dropShare = share;
        if (server == null) {
            listen();
        }
        log.info("{} proxy: dropping {}% of connections", name, Math.round(share * 100));
    }

    private void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
            server = socket;
            Thread loop = new Thread(() -> accept(socket), "tcp-proxy-" + name);
            loop.setDaemon(true);
            acceptor = loop;
            loop.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " proxy cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed by cut() or close()
            }
            connections.incrementAndGet();
            boolean drop;
            synchronized (random) {
                drop = dropShare > 0 && random.nextDouble() < dropShare;
            }
            if (drop) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = connectToNext();
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                pumps.execute(() -> pump(client, upstream));
                pumps.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** A connection to the next target in turn that accepts one. */
    private Socket connectToNext() throws IOException {
        int first = Math.floorMod(nextTarget.getAndIncrement(), targetPorts.size());
        IOException refused = null;
        for (int i = 0; i < targetPorts.size(); i++) {
            try {
                return new Socket(targetHost, targetPorts.get((first + i) % targetPorts.size()));
            } catch (IOException e) {
                refused = e;
            }
        }
        throw refused;
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /**
     * Closes the listening socket and waits for the accept loop to end. A {@code ServerSocket} closed while another
     * thread is blocked in {@code accept()} keeps its file descriptor, still listening, until that thread wakes up:
     * without the wait, a client connecting right after {@link #cut()} could still be accepted by the kernel.
     */
    private void stopListening() {
        ServerSocket socket = server;
        Thread loop = acceptor;
        server = null;
        acceptor = null;
        if (socket != null) {
            closeQuietly(socket);
        }
        if (loop != null && loop != Thread.currentThread()) {
            try {
                loop.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (loop.isAlive()) {
                throw new IllegalStateException(name + " proxy: the accept loop did not stop");
            }
        }
    }

    private void dropConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    private void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
        if (c instanceof Socket s) {
            open.remove(s);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stopListening();
            dropConnections();
            pumps.shutdownNow();
        }
    }
}
