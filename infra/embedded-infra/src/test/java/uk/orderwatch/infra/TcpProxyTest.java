package uk.orderwatch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0);
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException e) {
                            // client went away
                        }
                    }).start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = TcpProxy.start("echo", "localhost", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    private String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        byte[] back = socket.getInputStream().readNBytes(text.length());
        return new String(back, StandardCharsets.UTF_8);
    }

    @Test
    void forwardsBothWays() throws IOException {
        try (Socket s = new Socket("localhost", proxy.port())) {
            assertThat(roundTrip(s, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void aCutResetsLiveConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        Socket live = new Socket("localhost", proxy.port());
        assertThat(roundTrip(live, "before")).isEqualTo("before");
        proxy.cut();
        assertThat(live.getInputStream().read()).as("the live connection is closed").isEqualTo(-1);
        live.close();
        assertThatThrownBy(() -> new Socket("localhost", proxy.port()).close()).isInstanceOf(ConnectException.class);
        proxy.restore();
        try (Socket s = new Socket("localhost", proxy.port())) {
            assertThat(roundTrip(s, "after")).isEqualTo("after");
        }
    }

    @Test
    void aFlakyProxyDropsAboutTheShareOfConnectionsAskedFor() throws IOException {
        proxy.flaky(0.5);
        int through = 0;
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket("localhost", proxy.port())) {
                s.getOutputStream().write('x');
                if (s.getInputStream().read() == 'x') {
                    through++;
                }
            } catch (IOException e) {
                // dropped
            }
        }
        assertThat(through).isBetween(60, 140);
        proxy.restore();
        try (Socket s = new Socket("localhost", proxy.port())) {
            assertThat(roundTrip(s, "steady")).isEqualTo("steady");
        }
    }

    /**
     * A server that answers every connection with its name and closes it. Closed, it waits for its accept loop to
     * end: a listening socket closed while a thread is blocked in accept() keeps accepting until that thread wakes.
     */
    record NamedServer(ServerSocket socket, Thread loop) implements AutoCloseable {
        static NamedServer start(String name) throws IOException {
            ServerSocket server = new ServerSocket(0);
            Thread loop = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                        out.write(name.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            loop.setDaemon(true);
            loop.start();
            return new NamedServer(server, loop);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            try {
                loop.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(loop.isAlive()).as("the accept loop ended").isFalse();
        }
    }

    private static String answerFrom(int port) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void roundRobinHandsConnectionsToEachTargetInTurnAndPassesOverOneThatIsDown() throws IOException {
        NamedServer first = NamedServer.start("first");
        NamedServer second = NamedServer.start("second");
        try (var entry = TcpProxy.roundRobin("entry", Ports.free(), "localhost",
                java.util.List.of(first.port(), second.port()))) {
            java.util.List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(answerFrom(entry.port()));
            }
            assertThat(answers).containsExactly("first", "second", "first", "second");

            second.close();
            for (int i = 0; i < 3; i++) {
                assertThat(answerFrom(entry.port())).as("the one left").isEqualTo("first");
            }

            first.close();
            try (Socket s = new Socket("localhost", entry.port())) {
                assertThat(s.getInputStream().read()).as("nobody to hand it to: disconnected").isEqualTo(-1);
            }
        } finally {
            first.close();
            second.close();
        }
    }
}
