package uk.orderwatch.support.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentReadsTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final List<String> reads = new ArrayList<>();
    private final RecentReads<String, String> recent = new RecentReads<>(Duration.ofSeconds(5), 3, nanos::get);

    private String read(String key) {
        reads.add(key);
        return key.equals("none") ? null : key + "@" + reads.size();
    }

    @Test
    void aValueReadLatelyIsNotReadAgainUntilItIsOlderThanTheTimeItIsKept() {
        assertThat(recent.get("a", this::read)).isEqualTo("a@1");
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(recent.get("a", this::read)).isEqualTo("a@1");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(recent.get("a", this::read)).isEqualTo("a@2");
        assertThat(reads).containsExactly("a", "a");
    }

    @Test
    void nothingStoredIsKeptToo() {
        assertThat(recent.get("none", this::read)).isNull();
        assertThat(recent.get("none", this::read)).isNull();
        assertThat(reads).containsExactly("none");
    }

    @Test
    void aChangeThisProcessMadeIsReadAtOnce() {
        recent.get("a", this::read);
        recent.forget("a");
        assertThat(recent.get("a", this::read)).isEqualTo("a@2");
    }

    @Test
    void forgettingAllReadsEveryKeyAgain() {
        recent.get("a", this::read);
        recent.get("b", this::read);
        recent.forgetAll();
        recent.get("a", this::read);
        recent.get("b", this::read);
        assertThat(reads).containsExactly("a", "b", "a", "b");
    }

    @Test
    void aReadUnderWayWhileAChangeIsMadeIsNotKept() {
        String read = recent.get("a", key -> {
            recent.forget(key); // the change lands while the read is under way
            return read(key);
        });
        assertThat(read).isEqualTo("a@1");
        assertThat(recent.get("a", this::read)).as("read again, not the value from before the change")
                .isEqualTo("a@2");
        assertThat(recent.get("a", this::read)).isEqualTo("a@2");
    }

    @Test
    void whenFullWhatIsKeptIsDroppedRatherThanGrowing() {
        recent.get("a", this::read);
        recent.get("b", this::read);
        recent.get("c", this::read);
        recent.get("d", this::read);
        recent.get("a", this::read);
        assertThat(reads).containsExactly("a", "b", "c", "d", "a");
    }

    @Test
    void keptForNoTimeReadsEveryTime() {
        var never = new RecentReads<String, String>(Duration.ZERO, 3, nanos::get);
        never.get("a", this::read);
        never.get("a", this::read);
        assertThat(reads).containsExactly("a", "a");
    }
}
