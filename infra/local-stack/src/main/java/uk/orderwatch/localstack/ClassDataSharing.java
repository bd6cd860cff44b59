package uk.orderwatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service's JVM sooner from its second start on (ADR 24). The jar is extracted once (Spring Boot's
 * {@code jarmode=tools}), so its classes load from plain jars on the class path rather than from jars nested in
 * one; the first process of that build that stops by itself leaves a CDS archive of the classes it loaded (the
 * JDK's dynamic archive), which every later start maps instead of reading, parsing and verifying the classes again.
 * Kept beside the jar, under {@code target/run/}, named for the jar's size and time, so a rebuilt jar gets a new one.
 * A process killed or halted leaves no archive; a JVM that cannot use one starts as it would without it.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

    /**
     * How to start one process of a jar: the JVM options, the jar to run, and the archive the process writes when it
     * stops (null when it maps one already, or when the jar could not be extracted).
     */
    record Launch(List<String> options, Path jar, Path archiveOnExit) {

        /** How long a graceful stop may take: longer when the process writes its archive as it ends. */
        java.time.Duration stopTimeout() {
            return java.time.Duration.ofSeconds(archiveOnExit == null ? 20 : 60);
        }

        /** After the process ended: its archive, if it wrote one, becomes the one later starts map. */
        void keepArchive() {
            if (archiveOnExit == null || !Files.isRegularFile(archiveOnExit)) {
                return;
            }
            Path archive = archiveOnExit.resolveSibling(ARCHIVE);
            try {
                if (Files.size(archiveOnExit) > 0 && !Files.exists(archive)) {
                    move(archiveOnExit, archive);
                }
                Files.deleteIfExists(archiveOnExit);
            } catch (IOException e) {
                log.debug("CDS archive {} not kept: {}", archiveOnExit, e.toString());
            }
        }
    }

    private static final String ARCHIVE = "classes.jsa";
    private static final java.util.Map<Path, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();
    /** The classes an archive leaves out, and why, are not the service's log's business. */
    private static final String QUIET = "-Xlog:cds*=error";

    private ClassDataSharing() {
    }

    /** Extracts each of {@code jars} not yet extracted, side by side: before a stack starts its processes. */
    static void prepare(java.util.Collection<Path> jars) {
        List<Thread> threads = jars.stream().map(jar -> new Thread(() -> launch(jar), "extract")).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The launch of one process of {@code jar}: extracted on its first start, with its archive once there is one. */
    static Launch launch(Path jar) {
        Path dir;
        try {
            // one extraction per jar, while other jars are extracted side by side
            synchronized (LOCKS.computeIfAbsent(jar.toAbsolutePath().normalize(), j -> new Object())) {
                dir = extracted(jar);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not extract {} ({}); it starts without a CDS archive", jar, e.toString());
            return new Launch(List.of(), jar, null);
        }
        Path app = dir.resolve(jar.getFileName());
        Path archive = dir.resolve(ARCHIVE);
        if (Files.isRegularFile(archive)) {
            return new Launch(List.of("-XX:SharedArchiveFile=" + archive, QUIET), app, null);
        }
        Path pending = dir.resolve(ARCHIVE + "." + UUID.randomUUID() + ".pending");
        return new Launch(List.of("-XX:ArchiveClassesAtExit=" + pending, QUIET), app, pending);
    }

    private static Path extracted(Path jar) throws IOException {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path dir = jar.resolveSibling("run").resolve(name + "-" + Files.size(jar) + "-"
                + Files.getLastModifiedTime(jar).toMillis());
        if (Files.isRegularFile(dir.resolve(jar.getFileName()))) {
            return dir;
        }
        Path partial = dir.resolveSibling(dir.getFileName() + "." + UUID.randomUUID() + ".partial");
        var extract = new ProcessBuilder(ServiceProcess.javaBinary(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", partial.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("extraction of " + jar + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar, e);
        }
        try {
            move(partial, dir);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            delete(partial); // another stack on this machine extracted it first
        }
        // those of earlier builds of the jar go (a process still running from one keeps its open files)
        try (Stream<Path> earlier = Files.list(dir.getParent())) {
            earlier.filter(p -> !p.equals(dir) && p.getFileName().toString().matches(
                    java.util.regex.Pattern.quote(name) + "-\\d+-\\d+")).forEach(ClassDataSharing::delete);
        }
        return dir;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes what it can of {@code dir}: clearing up, which another stack's clearing up may have done first. */
    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.debug("{} not deleted: {}", dir, e.toString());
        }
    }
}
