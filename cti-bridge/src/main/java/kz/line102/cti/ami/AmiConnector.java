package kz.line102.cti.ami;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kz.line102.cti.CallEventSink;
import kz.line102.cti.PbxInfo;
import kz.line102.cti.QueueControl;
import kz.line102.cti.lease.Lease;
import kz.line102.cti.lease.LeaseKeeper;
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
 * <p>With a {@link Lease}, several nodes may run a connector for the same PBX: only the
 * lease holder logs in with events on (so no node doubles the events); the others stay
 * logged in with events off ({@link AmiLinkState#STANDBY}), only for queue commands, and
 * the first to take the lease once it runs out becomes the holder, resyncs and announces
 * {@link AmiLinkConnected}. A resync that fails (a timeout under load) is retried with
 * backoff on the same session: only a failed ping or a closed socket drops a link. An
 * event of a call the bridge never saw begin (its first events were lost) asks for a
 * resync, which recovers the call from the PBX.
 *
 * <p>Threads: asterisk-java's reader and dispatch thread per session, one
 * {@code ami-<pbx>-link} thread for connecting, resyncing, pinging and sweeping, and
 * {@code lanes} {@code ami-<pbx>-lane-N} threads that translate.
 *
 * <pre>{@code
 * AmiConnector ami = new AmiConnector(AmiProperties.of("127.0.0.1", 5038, "cti", secret, "pbx1"),
 *         sink, meterRegistry, Clock.systemUTC());
 * ami.start();   // returns at once; connects in the background
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
    private final AmiPbxInfo pbxInfo;
    private final PbxRestarts restarts;
    private final LeaseKeeper leaseKeeper;
    private final List<Consumer<AmiLinkConnected>> connectedListeners = new CopyOnWriteArrayList<>();
    private final LinkResync resyncs;
    private volatile boolean holder;
    private volatile boolean wasStandby;
    private volatile boolean everHeld;
    private volatile Instant lostAt;

    private final Object lock = new Object();
    private boolean started;
    private boolean stopped;
    private GuardedManagerConnection current;
    private long session;
    private final LinkStatus status;
    private volatile long lastPingNanos;

    public AmiConnector(AmiProperties props, CallEventSink sink, MeterRegistry registry, Clock clock) {
        this(props, sink, registry, clock, null);
    }

    /** {@code lease}: held while this node holds the PBX's AMI link; null for a single node. */
    public AmiConnector(AmiProperties props, CallEventSink sink, MeterRegistry registry, Clock clock, Lease lease) {
        this.props = props;
        this.clock = clock;
        this.status = new LinkStatus(clock);
        this.metrics = new AmiMetrics(registry, props.pbx());
        this.lanes = new CallLanes(props.lanes(), "ami-" + props.pbx() + "-lane");
        this.translator = new AmiEventTranslator(props.pbx(), props.inboundContexts(), tracker,
                metrics.counting(sink), clock, this::unknownCall);
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
        this.pbxInfo = new AmiPbxInfo(props.pbx(), this::connected, props.actionTimeout(), clock);
        metrics.gauges(() -> status.state() == AmiLinkState.CONNECTED ? 1 : 0, lanes::backlog, tracker::size);
        FunctionCounter.builder(AmiMetrics.PREFIX + "lanes.blocked", lanes, CallLanes::blocked).tag("pbx", props.pbx())
                .description("times the AMI reader waited for room on a full call lane (back-pressure, no drop)")
                .register(registry);
        this.resyncs = new LinkResync(props, metrics, resync, link, LinkResync.Link.of(mySession -> {
            synchronized (lock) {
                return !stopped && mySession == session && holder;
            }
        }, () -> {
            synchronized (lock) {
                return session;
            }
        }, () -> holder ? connected() : null, status::error));
        this.restarts = new PbxRestarts(props.pbx());
        this.holder = lease == null;
        queueControl.holder(() -> holder);
        this.leaseKeeper = lease == null ? null : new LeaseKeeper(lease, LeaseKeeper.Timings.of(lease.ttl()),
                new LeaseKeeper.Listener() {
                    @Override
                    public void acquired() {
                        onLinkThread(AmiConnector.this::becomeHolder);
                    }

                    @Override
                    public void lost() {
                        // At once, not behind a resync on the link thread: events must stop now.
                        holder = false;
                        GuardedManagerConnection c = current();
                        if (c != null) {
                            c.abort();
                        }
                        onLinkThread(AmiConnector.this::becomeStandby);
                    }

                    @Override
                    public void heldElsewhere() {
                        onLinkThread(AmiConnector.this::standingBy);
                    }
                }, "ami-" + props.pbx()).holdingThroughOutages();
    }

    /**
     * A connector that only ever logs in with events off ({@link AmiLinkState#STANDBY}), whoever
     * holds the lease, and never takes it: for reads and commands beside a running node (the
     * preflight's command line), so no event of a call is read twice or taken from the holder.
     */
    public static AmiConnector commandsOnly(AmiProperties props, MeterRegistry registry, Clock clock) {
        AmiConnector connector = new AmiConnector(props, event -> {
            throw new IllegalStateException("a commands-only AMI connector hands on no call events");
        }, registry, clock, null);
        connector.holder = false;
        return connector;
    }

    /**
     * Told on the link thread each time this node holds the link and has resynced: hand
     * slow work elsewhere. The hook for reconciling the gap from the PBX's own logs.
     */
    public void onLinkConnected(Consumer<AmiLinkConnected> listener) {
        connectedListeners.add(listener);
    }

    /** Starts connecting in the background. Idempotent; a stopped connector stays stopped. */
    public void start() {
        props.requireConfigured();
        synchronized (lock) {
            if (started || stopped) {
                return;
            }
            started = true;
            status.enter(AmiLinkState.CONNECTING);
        }
        log.info("pbx={} AMI link starting{}: {}", props.pbx(), leaseKeeper == null ? "" : " under lease "
                + leaseKeeper.lease(), props);
        if (leaseKeeper == null) {
            link.execute(this::connect);
        } else {
            // The lease decides the first session: held (events on) or held elsewhere (events off).
            leaseKeeper.start();
        }
        link.scheduleWithFixedDelay(this::sweep, props.sweepMillis(), props.sweepMillis(), TimeUnit.MILLISECONDS);
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
        if (leaseKeeper != null) {
            leaseKeeper.close();
        }
        lanes.close(Duration.ofSeconds(5));
        status.enter(AmiLinkState.STOPPED);
        log.info("pbx={} AMI link stopped", props.pbx());
    }

    /**
     * Dies as a killed node would: no Logoff, the lease is not released (it runs out), queued
     * events are not drained. For takeover tests.
     */
    void crash() {
        synchronized (lock) {
            stopped = true;
        }
        if (leaseKeeper != null) {
            leaseKeeper.abandon();
        }
        link.shutdownNow();
        GuardedManagerConnection c = current();
        if (c != null) {
            c.abort();
        }
        lanes.close(Duration.ZERO);
        status.enter(AmiLinkState.STOPPED);
        log.warn("pbx={} AMI connector crashed (test)", props.pbx());
    }

    @Override
    public void close() {
        stop();
    }

    /** Queue membership and pauses on this PBX, through this link. */
    public QueueControl queueControl() {
        return queueControl;
    }

    /** The PBX's globals, clock, and what this login may send and hears, through this link. */
    public PbxInfo pbxInfo() {
        return pbxInfo;
    }

    /** Waits for the first login's outcome (connected, standby or failed), at most {@code wait}. */
    public boolean awaitFirstOutcome(Duration wait) throws InterruptedException {
        return status.awaitLeaving(AmiLinkState.CONNECTING, wait.toMillis());
    }

    public AmiHealth health() {
        return status.health(props.pbx(), (long) metrics.reconnects.count(), tracker.size(), !holder && wasStandby);
    }

    // --- on the link thread ---

    private void connect() {
        GuardedManagerConnection connection;
        long mySession;
        boolean asHolder = holder;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            mySession = ++session;
            connection = new GuardedManagerConnection(props, AmiEventFilter.CALLS, metrics,
                    () -> onLinkThread(() -> lost(mySession)));
            current = connection;
        }
        if (asHolder) {
            pbxInfo.newSession();
            connection.addEventListener(pbxInfo);
            connection.addEventListener(restarts::onEvent);
            connection.addEventListener(router);
            connection.addEventListener(queueControl);
        }
        restarts.beforeLogin();
        try {
            // A standby asks for no events at all: only the holder's session feeds the stream.
            connection.login(asHolder ? props.eventMask() : "off");
        } catch (Exception e) {
            connection.abort();
            failed("login to " + props.host() + ":" + props.port() + " failed: " + e.getMessage());
            return;
        }
        backoff.reset();
        lastPingNanos = System.nanoTime();
        if (!asHolder) {
            wasStandby = true;
            status.enter(AmiLinkState.STANDBY);
            log.info("pbx={} AMI standby session up ({}:{}): another node holds the link", props.pbx(),
                    props.host(), props.port());
            return;
        }
        status.enter(AmiLinkState.CONNECTED);
        log.info("pbx={} AMI link up ({}:{}, {})", props.pbx(), props.host(), props.port(),
                connection.getVersion());
        Instant lost = lostAt;
        boolean restarted = restarts.afterLogin(connection, props.actionTimeout().toMillis());
        if (restarted) {
            metrics.pbxRestarts.increment();
        }
        AmiLinkConnected.Cause cause = !everHeld
                ? (wasStandby ? AmiLinkConnected.Cause.TAKEOVER : AmiLinkConnected.Cause.START)
                : AmiLinkConnected.Cause.RECONNECT;
        if (cause == AmiLinkConnected.Cause.TAKEOVER) {
            metrics.takeovers.increment();
        }
        everHeld = true;
        // Queue members first: after a PBX restart the queues may be empty while callers wait.
        queueControl.linkUp();
        AmiLinkConnected announced = new AmiLinkConnected(props.pbx(), clock.instant(), cause, restarted,
                restarts.startedAt(), lost);
        resyncs.untilDone(connection, mySession, 0, () -> announce(announced));
    }

    private void announce(AmiLinkConnected event) {
        log.info("pbx={} AMI link held and in sync ({}{})", props.pbx(), event.cause(),
                event.pbxRestarted() ? ", PBX restarted" : "");
        for (Consumer<AmiLinkConnected> l : connectedListeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.warn("pbx={} link-connected listener failed: {}", props.pbx(), e.toString(), e);
            }
        }
    }

    /** On a lane: an event of a call never seen to begin (see {@link LinkResync}). */
    private void unknownCall(String linkedId) {
        resyncs.unknownCall(linkedId);
    }

    /** On the link thread: the lease is ours; the standby session makes way for a full one. */
    private void becomeHolder() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
        }
        holder = true;
        log.warn("pbx={} this node takes the AMI link", props.pbx());
        restartSession();
    }

    /** On the link thread: another node held the lease when this one asked (at start, or after losing it). */
    private void standingBy() {
        wasStandby = true;
        if (current() == null && !holder) {
            connect();
        }
    }

    /** On the link thread: another node has the lease; ours goes back to a commands-only session. */
    private void becomeStandby() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
        }
        holder = false;
        lostAt = clock.instant();
        log.warn("pbx={} this node no longer holds the AMI link: standby", props.pbx());
        restartSession();
    }

    private void restartSession() {
        GuardedManagerConnection old;
        synchronized (lock) {
            old = current;
            current = null;
            session++;
        }
        if (old != null) {
            old.abort();
        }
        backoff.reset();
        connect();
    }

    private void lost(long lostSession) {
        synchronized (lock) {
            if (stopped || lostSession != session) {
                return;
            }
            current = null;
        }
        if (holder) {
            lostAt = clock.instant();
        }
        failed("AMI connection lost");
    }

    private void failed(String why) {
        status.error(why);
        synchronized (lock) {
            if (stopped) {
                return;
            }
        }
        Duration delay = backoff.next();
        metrics.reconnects.increment();
        status.enter(AmiLinkState.RECONNECTING);
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
        if (anyIdle && connection != null && holder) {
            log.info("pbx={} calls idle for over {}: checking them against the PBX", props.pbx(),
                    props.callIdleTimeout());
            long mySession;
            synchronized (lock) {
                mySession = session;
            }
            resyncs.untilDone(connection, mySession, 0, () -> { });
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

    /** The session commands can go through: the holder's, or a standby's. */
    private GuardedManagerConnection connected() {
        synchronized (lock) {
            return status.up() ? current : null;
        }
    }

    private GuardedManagerConnection current() {
        synchronized (lock) {
            return current;
        }
    }

    /** For queue commands sent while the link is coming up: waits at most {@code millis}. */
    private boolean awaitConnected(long millis) throws InterruptedException {
        return status.await(() -> connected() != null, this::stopped, millis);
    }

    private boolean stopped() {
        synchronized (lock) {
            return stopped;
        }
    }
}
