package uk.orderwatch.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aLoneItemIsWrittenAtOnce() {
        var commit = new GroupCommit<String>(batches::add, threads);
        commit.write("a");
        commit.write("b");
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void itemsArrivingWhileAWriteIsUnderWayAreWrittenTogetherAndEachCallerReturnsOnlyOnceItsItemIsWritten()
            throws Exception {
        var firstWriteStarted = new CountDownLatch(1);
        var releaseFirstWrite = new CountDownLatch(1);
        var commit = new GroupCommit<String>(held(firstWriteStarted, releaseFirstWrite, batches::add), threads);
        Future<?> first = threads.submit(() -> commit.write("first"));
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();

        List<Future<?>> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String item = "other-" + i;
            others.add(threads.submit(() -> commit.write(item)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> commit.waiting() == 5);
        assertThat(others).as("none returns before its item is written").noneMatch(Future::isDone);

        releaseFirstWrite.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("first");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("other-0", "other-1", "other-2", "other-3", "other-4");
    }

    @Test
    void everyCallerOfABatchThatCannotBeWrittenGetsTheFailureAndTheNextWriteStillHappens() throws Exception {
        var firstWriteStarted = new CountDownLatch(1);
        var releaseFirstWrite = new CountDownLatch(1);
        var commit = new GroupCommit<String>(held(firstWriteStarted, releaseFirstWrite, batch -> {
            if (batch.stream().anyMatch(i -> i.startsWith("doomed"))) {
                throw new IllegalStateException("store unavailable");
            }
            batches.add(batch);
        }), threads);
        Future<?> first = threads.submit(() -> commit.write("first"));
        assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> doomed1 = threads.submit(() -> commit.write("doomed-1"));
        Future<?> doomed2 = threads.submit(() -> commit.write("doomed-2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> commit.waiting() == 2);
        releaseFirstWrite.countDown();
        first.get(10, TimeUnit.SECONDS);

        for (Future<?> doomed : List.of(doomed1, doomed2)) {
            assertThatThrownBy(() -> doomed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    IllegalStateException.class).hasMessageContaining("store unavailable");
        }
        commit.write("later");
        assertThat(batches).containsExactly(List.of("first"), List.of("later"));
    }

    /** Writes with {@code then}, the batch holding "first" only once released. */
    private static Consumer<List<String>> held(CountDownLatch started, CountDownLatch release,
                                               Consumer<List<String>> then) {
        return batch -> {
            if (batch.contains("first")) {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            then.accept(batch);
        };
    }
}
