package kz.line102.cti.ami;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import kz.line102.cti.CallEventSink;
import kz.line102.cti.QueueControl;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PBX's AMI link, start to stop: connects and logs in, hands every call event of
 * the PBX to the sink, reconnects with capped exponential backoff and jitter when the
 * link is lost or login fails, and after every login asks the PBX what calls it has
 * ({@link CallResync}), so calls that began or ended while the link was down are still
 * recorded. Health and metrics show where it is.
 *
 * <p>Threads: asterisk-java's reader and dispatch thread per session, one
 * {@code ami-<pbx>-link} thread for connecting, resyncing, pinging and sweeping, and
 * {@code lanes} {@code ami-<pbx>-lane-N} threads that translate.
 *
 * <pre>{@code
 * AmiConnector ami = new AmiConnector(AmiProperties.of("127.0.0.1", 5038, "cti", secret, "pbx1"),
 *         sink, meterRegistry, Clock.systemUTC());
 * ami.start();   // returns at once; connects in the background
 * ami.health();  // state, since, last error
 * ami.stop();    // logs off, lets queued events drain
 * }</pre>
 */
public final class AmiConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiConnector.class);
    /** How often a Ping checks the link: TCP alone may not notice a peer that vanished. */
    private static final Duration PING_INTERVAL = Duration.ofSeconds(15);
    private static final Duration ENDED_MEMORY = Duration.ofMinutes(10);

    private final AmiProperties props;
    private final Clock clock;
    private final AmiMetrics metrics;
    private final CallTracker tracker = new CallTracker();
    private final CallLanes lanes;
    private final AmiEventTranslator translator;
    private final AmiEventRouter router;
    private final CallResync resync;
    private final Backoff backoff;
    private final ScheduledThreadPoolExecutor link;
    private final AmiQueueControl queueControl;
    private final Object upMonitor = new Object();

    private final Object lock = new Object();
    private boolean started;
    private boolean stopped;
    private GuardedManagerConnection current;
    private long session;
    private volatile AmiLinkState state = AmiLinkState.STOPPED;
    private volatile Instant since;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile long lastPingNanos;

    public AmiConnector(AmiProperties props, CallEventSink sink, MeterRegistry registry, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.since = clock.instant();
        this.metrics = new AmiMetrics(registry, props.pbx());
        this.lanes = new CallLanes(props.lanes(), "ami-" + props.pbx() + "-lane");
        this.translator = new AmiEventTranslator(props.pbx(), props.inboundContexts(), tracker,
                metrics.counting(sink), clock);
        this.router = new AmiEventRouter(translator, lanes::submit, metrics.eventsIn::increment);
        this.resync = new CallResync(translator, lanes::submit, clock);
        this.backoff = new Backoff(props.reconnectMin(), props.reconnectMax(), ThreadLocalRandom.current()::nextDouble);
        this.link = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ami-" + props.pbx() + "-link");
            t.setDaemon(true);
            return t;
        });
        link.setRemoveOnCancelPolicy(true);
        this.queueControl = new AmiQueueControl(props.pbx(), this::connected, this::awaitConnected,
                props.actionTimeout(), clock);
        metrics.gauges(() -> state == AmiLinkState.CONNECTED ? 1 : 0, lanes::backlog, tracker::size);
        FunctionCounter.builder(AmiMetrics.PREFIX + "lanes.blocked", lanes, CallLanes::blocked).tag("pbx", props.pbx())
                .description("times the AMI reader waited for room on a full call lane (back-pressure, no drop)")
                .register(registry);
    }

    /** Starts connecting in the background. Idempotent; a stopped connector stays stopped. */
    public void start() {
        synchronized (lock) {
            if (started || stopped) {
                return;
            }
            started = true;
            enter(AmiLinkState.CONNECTING);
        }
        log.info("pbx={} AMI link starting: {}", props.pbx(), props);
        link.execute(this::connect);
        long sweep = Math.max(200, Math.min(props.callIdleTimeout().toMillis() / 4, 60_000));
        link.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
        link.scheduleWithFixedDelay(this::ping, PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Logs off, stops reconnecting, lets the lanes finish what they hold. Idempotent. */
    public void stop() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            link.submit(this::logoff).get(props.actionTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("pbx={} AMI logoff did not finish cleanly: {}", props.pbx(), e.toString());
        }
        link.shutdownNow();
        lanes.close(Duration.ofSeconds(5));
        enter(AmiLinkState.STOPPED);
        log.info("pbx={} AMI link stopped", props.pbx());
    }

    @Override
    public void close() {
        stop();
    }

    /** Queue membership and pauses on this PBX, through this link. */
    public QueueControl queueControl() {
        return queueControl;
    }

    public AmiHealth health() {
        return new AmiHealth(props.pbx(), state, since, lastError, lastErrorAt, (long) metrics.reconnects.count(),
                tracker.size());
    }

    // --- on the link thread ---

    private void connect() {
        GuardedManagerConnection connection;
        long mySession;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            mySession = ++session;
            connection = new GuardedManagerConnection(props, AmiEventFilter.CALLS, metrics,
                    () -> onLinkThread(() -> lost(mySession)));
            current = connection;
        }
        connection.addEventListener(router);
        connection.addEventListener(queueControl);
        try {
            connection.login(props.eventMask());
        } catch (Exception e) {
            connection.abort();
            failed("login to " + props.host() + ":" + props.port() + " failed: " + e.getMessage());
            return;
        }
        enter(AmiLinkState.CONNECTED);
        backoff.reset();
        lastPingNanos = System.nanoTime();
        log.info("pbx={} AMI link up ({}:{}, {})", props.pbx(), props.host(), props.port(),
                connection.getVersion());
        if (!resync(connection)) {
            connection.abort();
            lost(mySession);
            return;
        }
        queueControl.linkUp();
    }

    private boolean resync(GuardedManagerConnection connection) {
        try {
            PbxSnapshot snapshot = PbxSnapshots.take(connection, props.actionTimeout().toMillis());
            int calls = resync.apply(snapshot);
            metrics.resyncs.increment();
            log.info("pbx={} resync: {} channels, {} waiting, {} calls compared", props.pbx(),
                    snapshot.channels().size(), snapshot.waiting().size(), calls);
            return true;
        } catch (Exception e) {
            metrics.resyncFailures.increment();
            error("resync failed: " + e.getMessage());
            return false;
        }
    }

    private void lost(long lostSession) {
        synchronized (lock) {
            if (stopped || lostSession != session) {
                return;
            }
            current = null;
        }
        failed("AMI connection lost");
    }

    private void failed(String why) {
        error(why);
        synchronized (lock) {
            if (stopped) {
                return;
            }
        }
        Duration delay = backoff.next();
        metrics.reconnects.increment();
        enter(AmiLinkState.RECONNECTING);
        log.warn("pbx={} {}; reconnect attempt {} in {} ms", props.pbx(), why, backoff.attempts(), delay.toMillis());
        link.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ping() {
        GuardedManagerConnection connection = connected();
        if (connection == null || System.nanoTime() - lastPingNanos < PING_INTERVAL.toNanos()) {
            return;
        }
        lastPingNanos = System.nanoTime();
        try {
            if (connection.sendAction(new PingAction(), props.actionTimeout().toMillis()) instanceof ManagerError e) {
                throw new IllegalStateException(e.getMessage());
            }
        } catch (Exception e) {
            log.warn("pbx={} AMI ping failed ({}): dropping the link", props.pbx(), e.toString());
            connection.abort();
            lost(session);
        }
    }

    /** Calls silent for too long are checked against the PBX: a resync ends those it no longer has. */
    private void sweep() {
        tracker.pruneEnded(ENDED_MEMORY.toNanos());
        long idle = props.callIdleTimeout().toNanos();
        long now = System.nanoTime();
        boolean anyIdle = tracker.calls().stream().anyMatch(c -> now - c.lastActivityNanos > idle);
        GuardedManagerConnection connection = connected();
        if (anyIdle && connection != null) {
            log.info("pbx={} calls idle for over {}: checking them against the PBX", props.pbx(),
                    props.callIdleTimeout());
            if (!resync(connection)) {
                connection.abort();
                lost(session);
            }
        }
    }

    private void logoff() {
        GuardedManagerConnection connection;
        synchronized (lock) {
            connection = current;
            current = null;
        }
        if (connection != null) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                connection.abort();
            }
        }
    }

    /** From asterisk-java's threads; after stop() there is nothing left to do. */
    private void onLinkThread(Runnable task) {
        try {
            link.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("pbx={} link event after stop ignored", props.pbx());
        }
    }

    private GuardedManagerConnection connected() {
        synchronized (lock) {
            return state == AmiLinkState.CONNECTED ? current : null;
        }
    }

    private void error(String why) {
        lastError = why;
        lastErrorAt = clock.instant();
    }

    private void enter(AmiLinkState next) {
        if (state != next) {
            state = next;
            since = clock.instant();
        }
        if (next == AmiLinkState.CONNECTED) {
            synchronized (upMonitor) {
                upMonitor.notifyAll();
            }
        }
    }

    /** For queue commands sent while the link is coming up: waits at most {@code millis}. */
    private boolean awaitConnected(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (upMonitor) {
            while (connected() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopped()) {
                    return false;
                }
                upMonitor.wait(Math.max(1, left / 1_000_000L));
            }
        }
        return true;
    }

    private boolean stopped() {
        synchronized (lock) {
            return stopped;
        }
    }
}
