package uk.orderwatch.support.outbox;

import java.time.Duration;

/**
 * Whether the outbox relay and the follow-up sweep need to look (issue 20). Everything they finish was recorded by
 * this process (an outbox event, a follow-up) or by one that stopped before finishing it. So they look at every
 * {@code relay-interval} while work was recorded, or the fast path failed, within {@code quiet-after}, and on start;
 * and otherwise once per {@code idle-sweep}, which still finds what another instance left. A quiet service then asks
 * its database almost nothing instead of one query per outbox collection every second.
 */
public final class PendingWork {

    private final long quietAfterNanos;
    private final long idleSweepNanos;
    private volatile long lastRecorded = System.nanoTime();

    public PendingWork(Duration quietAfter, Duration idleSweep) {
        this.quietAfterNanos = quietAfter.toNanos();
        this.idleSweepNanos = idleSweep.toNanos();
    }

    /** Something was recorded that the relay or the sweep may have to finish, or the fast path did not finish it. */
    public void recorded() {
        lastRecorded = System.nanoTime();
    }

    /** A gate for one poller. */
    public Gate gate() {
        return new Gate();
    }

    /** Open while work was recorded within the quiet period, and otherwise once per idle sweep. */
    public final class Gate {
        private long lastLook = System.nanoTime() - idleSweepNanos;

        public synchronized boolean open() {
            long now = System.nanoTime();
            if (now - lastRecorded < quietAfterNanos || now - lastLook >= idleSweepNanos) {
                lastLook = now;
                return true;
            }
            return false;
        }
    }
}
