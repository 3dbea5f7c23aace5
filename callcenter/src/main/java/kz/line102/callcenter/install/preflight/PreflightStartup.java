package kz.line102.callcenter.install.preflight;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.ami.AmiLinkState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the preflight once the application is ready, on a thread of its own so start-up never
 * waits for it: first it waits (polling, at most {@code firstLinkWait}) until the AMI link's
 * first attempt has ended one way or the other, so the AMI checks report the login rather
 * than "connecting".
 */
final class PreflightStartup implements AutoCloseable {

    private static final long POLL_MILLIS = 200;

    private final Preflight preflight;
    private final ObjectProvider<AmiConnector> connector;
    private final Duration firstLinkWait;
    private final ScheduledExecutorService thread;
    private final AtomicReference<ScheduledFuture<?>> poll = new AtomicReference<>();

    PreflightStartup(Preflight preflight, ObjectProvider<AmiConnector> connector, Duration firstLinkWait,
                     ScheduledExecutorService thread) {
        this.preflight = preflight;
        this.connector = connector;
        this.firstLinkWait = firstLinkWait;
        this.thread = thread;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        long deadline = System.nanoTime() + firstLinkWait.toNanos();
        poll.set(thread.scheduleWithFixedDelay(() -> {
            if (linkAttempted() || System.nanoTime() >= deadline) {
                ScheduledFuture<?> self = poll.get();
                if (self != null) {
                    self.cancel(false);
                }
                preflight.run(true);
            }
        }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
    }

    private boolean linkAttempted() {
        AmiConnector ami = connector.getIfAvailable();
        return ami == null || ami.health().state() != AmiLinkState.CONNECTING;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
