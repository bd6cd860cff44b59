package uk.orderwatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service jar running as a separate JVM process, its output going to a log file. */
public final class ServiceProcess {

    private final ServiceName name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path logFile;
    private Process process;
    private ClassDataSharing.Launch launch;

    ServiceProcess(ServiceName name, Path jar, int port, Map<String, String> env, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.logFile = logFile;
    }

    void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No jar for " + name.id() + " at " + jar
                    + ": build it first with ./mvnw -DskipTests package");
        }
        // sized for a small stack (ADR 20): the client compiler only (start in about half the time and half the CPU
        // per report below saturation, for a lower peak), a heap that gives back what it does not use; the classes
        // of an earlier start mapped from its CDS archive (ADR 24)
        launch = ClassDataSharing.launch(jar);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xms32m", "-Xmx384m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(launch.options());
        command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + name.id(), e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the service reports itself UP on its health endpoint. */
    void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name.id() + " exited with code " + process.exitValue()
                        + "; see " + logFile);
            }
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name.id() + " was not healthy within " + timeout.toSeconds() + " s (" + last
                + "); see " + logFile);
    }

    /** Asks the service to stop (SIGTERM: a graceful shutdown), then forces it after a while. */
    void stop() {
        if (process == null) {
            return;
        }
        if (!process.isAlive()) {
            launch.keepArchive();
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(launch.stopTimeout().toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } else {
                launch.keepArchive();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM without waiting (the JVM that started it is ending). */
    void signalStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hooks, nothing flushed, as in a crash or an OOM kill. */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the process has ended by itself; false when it still runs after {@code timeout}. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process == null || process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }
}
