package uk.orderwatch.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar is extracted once, its first graceful stop leaves the archive later starts map, a rebuild starts over. */
class ClassDataSharingTest {

    @Test
    void aJarIsExtractedOnceAStopLeavesItsArchiveForLaterStartsAndARebuiltJarStartsOver(@TempDir Path dir)
            throws Exception {
        Path built = Path.of("../identity-server/target/identity-server-" + LocalStackMain.version() + "-exec.jar");
        assumeTrue(Files.isRegularFile(built), "the build packages identity-server before local-stack");
        Path jar = Files.copy(built, dir.resolve("identity-server-exec.jar"));

        var first = ClassDataSharing.launch(jar);
        assertThat(first.jar()).isRegularFile().startsWith(dir.resolve("run"))
                .hasFileName(jar.getFileName().toString());
        assertThat(first.jar().resolveSibling("lib")).isDirectory();
        assertThat(first.options()).contains("-XX:ArchiveClassesAtExit=" + first.archiveOnExit());

        var killed = ClassDataSharing.launch(jar);
        killed.keepArchive(); // ended without writing one: nothing kept
        assertThat(killed.jar()).isEqualTo(first.jar());
        assertThat(ClassDataSharing.launch(jar).archiveOnExit()).as("still none to map").isNotNull();

        Files.write(first.archiveOnExit(), new byte[] {1, 2, 3}); // what the JVM writes as it ends
        first.keepArchive();
        var later = ClassDataSharing.launch(jar);
        assertThat(later.options()).contains("-XX:SharedArchiveFile=" + first.jar().resolveSibling("classes.jsa"));
        assertThat(later.archiveOnExit()).isNull();
        assertThat(first.archiveOnExit()).doesNotExist();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(10)));
        var rebuilt = ClassDataSharing.launch(jar);
        assertThat(rebuilt.jar().getParent()).isNotEqualTo(first.jar().getParent());
        assertThat(first.jar().getParent()).as("the earlier build's extraction is cleared").doesNotExist();
        assertThat(rebuilt.archiveOnExit()).isNotNull();
    }
}
