package uk.orderwatch.support.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault suite arms a running service's crash points through its file, and disarms them by removing it. */
class CrashPointsTest {

    @Test
    void aServiceArmsThePointsTheFileNamesForItWhileItRunsAndNoneOnceTheFileIsGone(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("crash-points");
        CrashPoints.watch(file, "notification");
        assertThat(CrashPoints.armed()).isEmpty();

        Files.writeString(file, "breach-report outbox.after-write:breaches\nnotification delivery.after-claim\n"
                + "notification-other outbox.after-send\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> CrashPoints.armed().equals(Set.of("delivery.after-claim")));
        CrashPoints.reach(CrashPoints.AFTER_WRITE, "breaches"); // another service's point: passed, not halted

        Files.delete(file);
        await().atMost(Duration.ofSeconds(5)).until(() -> CrashPoints.armed().isEmpty());
    }
}
