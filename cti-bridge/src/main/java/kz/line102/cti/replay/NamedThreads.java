package kz.line102.cti.replay;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code <prefix>-<n>}, so a thread dump says who is who. */
final class NamedThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger seq = new AtomicInteger();

    NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + seq.incrementAndGet());
        // A test that forgets close() must not keep the JVM alive.
        t.setDaemon(true);
        return t;
    }
}
