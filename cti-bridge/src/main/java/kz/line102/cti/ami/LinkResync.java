package kz.line102.cti.ami;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's resyncs, on its link thread. A resync that fails (most often a timeout
 * while the PBX is loaded) is tried again with backoff and a longer timeout on the same
 * session: dropping a link that still answers pings would only make a longer gap. Events
 * of a call never seen to begin (its first events were lost) ask for a resync, at most one
 * a second, which recovers the call from the PBX instead of losing all its later events.
 */
final class LinkResync {

    private static final Logger log = LoggerFactory.getLogger(LinkResync.class);
    private static final int MAX_ASKED = 10_000;

    /** What the connector tells of its session. */
    interface Link {
        /** Whether {@code session} is still the current one and this node holds the link. */
        boolean holds(long session);

        long session();

        /** The holder's live session, or null. */
        GuardedManagerConnection connection();

        void failed(String why);

        static Link of(java.util.function.LongPredicate holds, java.util.function.LongSupplier session,
                       java.util.function.Supplier<GuardedManagerConnection> connection,
                       java.util.function.Consumer<String> failed) {
            return new Link() {
                @Override
                public boolean holds(long s) {
                    return holds.test(s);
                }

                @Override
                public long session() {
                    return session.getAsLong();
                }

                @Override
                public GuardedManagerConnection connection() {
                    return connection.get();
                }

                @Override
                public void failed(String why) {
                    failed.accept(why);
                }
            };
        }
    }

    private final AmiProperties props;
    private final AmiMetrics metrics;
    private final CallResync resync;
    private final ScheduledExecutorService thread;
    private final Link link;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Set<String> askedFor = ConcurrentHashMap.newKeySet();
    private volatile long lastNanos;

    LinkResync(AmiProperties props, AmiMetrics metrics, CallResync resync, ScheduledExecutorService thread, Link link) {
        this.props = props;
        this.metrics = metrics;
        this.resync = resync;
        this.thread = thread;
        this.link = link;
    }

    /** On the link thread: resyncs until it succeeds or the session is gone, then runs {@code then}. */
    void untilDone(GuardedManagerConnection connection, long session, int attempt, Runnable then) {
        if (!link.holds(session)) {
            return;
        }
        long timeout = props.actionTimeout().toMillis() * Math.min(4, 1 + attempt);
        String failure = once(connection, timeout);
        if (failure == null) {
            then.run();
            return;
        }
        long delay = Math.min(props.reconnectMax().toMillis(), 250L << Math.min(attempt, 10));
        log.warn("pbx={} resync attempt {} failed ({}): trying again in {} ms, the link is kept", props.pbx(),
                attempt + 1, failure, delay);
        try {
            thread.schedule(() -> untilDone(connection, session, attempt + 1, then), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("pbx={} stopped: resync not retried", props.pbx());
        }
    }

    /** Returns null when done, else why not. */
    private String once(GuardedManagerConnection connection, long timeoutMillis) {
        lastNanos = System.nanoTime();
        askedFor.clear();
        try {
            PbxSnapshot snapshot = PbxSnapshots.take(connection, timeoutMillis);
            int calls = resync.apply(snapshot);
            metrics.resyncs.increment();
            log.info("pbx={} resync: {} channels, {} waiting, {} calls compared", props.pbx(),
                    snapshot.channels().size(), snapshot.waiting().size(), calls);
            return null;
        } catch (Exception e) {
            metrics.resyncFailures.increment();
            String why = "resync failed: " + e.getMessage();
            link.failed(why);
            return why;
        }
    }

    /** On a lane: an event of a call never seen to begin. */
    void unknownCall(String linkedId) {
        metrics.unknownCalls.increment();
        if (link.connection() == null || askedFor.size() > MAX_ASKED || !askedFor.add(linkedId)) {
            return;
        }
        log.warn("pbx={} events of a call whose start was never seen (linkedid {}): asking the PBX (resync)",
                props.pbx(), linkedId);
        if (!requested.compareAndSet(false, true)) {
            return;
        }
        long sinceLast = (System.nanoTime() - lastNanos) / 1_000_000L;
        try {
            thread.schedule(() -> {
                requested.set(false);
                GuardedManagerConnection c = link.connection();
                if (c != null) {
                    untilDone(c, link.session(), 0, () -> { });
                }
            }, Math.max(100, 1000 - sinceLast), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            requested.set(false);
        }
    }
}
