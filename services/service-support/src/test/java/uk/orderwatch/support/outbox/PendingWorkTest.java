package uk.orderwatch.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The relay and the sweep look while work was recorded lately, and a quiet service only once per idle sweep. */
class PendingWorkTest {

    @Test
    void aPollerLooksUntilTheQuietPeriodAfterTheLastRecordedWorkAndAgainOnceMoreIsRecorded() {
        var work = new PendingWork(Duration.ofMillis(1500), Duration.ofHours(1));
        var gate = work.gate();

        assertThat(gate.open()).as("on start: what a stopped process left").isTrue();
        assertThat(gate.open()).as("still within the quiet period").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !gate.open());
        assertThat(gate.open()).as("quiet, and the idle sweep not due for an hour").isFalse();

        work.recorded();
        assertThat(gate.open()).isTrue();
    }

    @Test
    void aQuietServiceStillLooksOncePerIdleSweepForWhatAnotherInstanceLeft() {
        var work = new PendingWork(Duration.ofMillis(1), Duration.ofMillis(1500));
        var gate = work.gate();
        await().atMost(Duration.ofSeconds(10)).until(() -> !gate.open());

        await().atMost(Duration.ofSeconds(10)).until(gate::open);
        assertThat(gate.open()).as("looked just now").isFalse();
    }
}
