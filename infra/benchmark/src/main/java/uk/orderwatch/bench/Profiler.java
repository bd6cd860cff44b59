package uk.orderwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A profile of a service while the benchmark runs: Java Flight Recorder started with {@code jcmd}, its CPU samples
 * summed up as the methods the samples were in (self) and the parts of the hot path they were under (inclusive).
 */
final class Profiler {

    /** Where on the path a sample is: the first of these its stack passes through, innermost first. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("tools.jackson.", "JSON (Jackson)");
        PARTS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        PARTS.put("com.networknt.schema.", "JSON Schema validation");
        PARTS.put("org.bson.", "Mongo driver and BSON");
        PARTS.put("com.mongodb.", "Mongo driver and BSON");
        PARTS.put("org.springframework.data.mongodb.", "Spring Data Mongo mapping");
        PARTS.put("org.springframework.kafka.", "Spring Kafka / binder");
        PARTS.put("org.springframework.cloud.stream.", "Spring Kafka / binder");
        PARTS.put("org.springframework.integration.", "Spring Kafka / binder");
        PARTS.put("org.springframework.security.", "Security (JWT)");
        PARTS.put("com.nimbusds.", "Security (JWT)");
        PARTS.put("org.springframework.validation.", "Bean validation");
        PARTS.put("org.hibernate.validator.", "Bean validation");
        PARTS.put("org.apache.catalina.", "HTTP (Tomcat)");
        PARTS.put("org.apache.coyote.", "HTTP (Tomcat)");
        PARTS.put("org.apache.tomcat.", "HTTP (Tomcat)");
        PARTS.put("org.springframework.web.", "Spring MVC");
        PARTS.put("ch.qos.logback.", "Logging");
        PARTS.put("de.bwaldvogel.mongo.", "Mongo wire server");
        PARTS.put("io.netty.", "Mongo wire server (Netty)");
        PARTS.put("kafka.", "Kafka broker");
        PARTS.put("org.apache.kafka.storage.", "Kafka broker");
        PARTS.put("org.apache.kafka.server.", "Kafka broker");
        PARTS.put("org.apache.kafka.raft.", "Kafka broker");
        PARTS.put("org.apache.kafka.", "Kafka client");
        PARTS.put("com.icegreen.greenmail.", "Mail server (GreenMail)");
        PARTS.put("jdk.internal.net.http.", "load generator (HTTP client)");
        PARTS.put("uk.orderwatch.bench.", "load generator");
        PARTS.put("uk.orderwatch.", "orderwatch code");
    }

    private Profiler() {
    }

    static void start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=orderwatch-bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=orderwatch-bench");
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        var command = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** The recording's CPU samples: top methods (self) and the share of each part of the path (inclusive). */
    static String summary(Path file, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> parts = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            var m = frames.get(0).getMethod();
            self.merge(m.getType().getName() + "." + m.getName(), 1, Integer::sum);
            String part = "other (JDK, threads, GC helpers)";
            outer:
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                for (var p : PARTS.entrySet()) {
                    if (type.startsWith(p.getKey())) {
                        part = p.getValue();
                        break outer;
                    }
                }
            }
            parts.merge(part, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        int total = Math.max(1, samples);
        out.append(String.format(Locale.ROOT, "%d CPU samples%n  where the time goes (innermost library on the "
                + "stack):%n", samples));
        parts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(p -> out.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * p.getValue() / total,
                        p.getKey())));
        out.append("  top methods (self):\n");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(p -> out.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * p.getValue() / total,
                        p.getKey())));
        Files.deleteIfExists(file);
        return out.toString();
    }
}
