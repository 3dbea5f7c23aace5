package kz.line102.cti.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMI server that behaves like the captured Asterisk 22.10.1: clients log in
 * (plain or MD5 challenge), get every played event and can ask for the live
 * channels and queues. Calls are played from captured scenarios with fresh ids.
 *
 * <pre>{@code
 * try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral("cti", "secret"))) {
 *     ReplayHandle call = server.play("answered", PlayOptions.fast());
 *     call.done().join();
 * }
 * }</pre>
 */
public final class AmiReplayServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiReplayServer.class);
    private static final AtomicLong INSTANCE_SEQ = new AtomicLong();
    private static final int MAX_CLIENTS = 256;
    private static final long RELEASE_AFTER_MILLIS = 2_000;

    private final AmiPermissions permissions = new AmiPermissions();
    private final ClientHub hub = new ClientHub(permissions);
    private final ReplayClock clock = new ReplayClock();
    private final LiveState state = LiveState.withLabQueue(clock.nowEpochMicros() / 1_000_000L);
    private final EventScheduler scheduler = new EventScheduler(hub, state, clock);
    private final AmiActions actions;
    private final MemberActions pbxSide;
    private final MemberHonouringPlay honouring = new MemberHonouringPlay(this, state);
    private final ExecutorService schedulerThread = Executors.newSingleThreadExecutor(
            new NamedThreads("ami-replay-scheduler"));
    private final ExecutorService clientThreads = new ThreadPoolExecutor(0, MAX_CLIENTS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new NamedThreads("ami-replay-client"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            new NamedThreads("ami-replay-watchdog"));
    private final ExecutorService acceptorThreads = Executors.newCachedThreadPool(
            new NamedThreads("ami-replay-acceptor"));
    private final Map<String, Scenario> scenarios = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object listenLock = new Object();
    private ServerSocket listener;
    private Future<?> acceptor;
    private volatile int port;

    private AmiReplayServer(ReplayConfig config) {
        this.actions = new AmiActions(config.username(), config.secret(), state, HandshakeAnswers.bundled(),
                clock::nowEpochMicros, hub, permissions);
        this.pbxSide = new MemberActions(state, hub, clock::nowEpochMicros);
    }

    /** Binds (port 0 = any free port), then accepts clients and runs the scheduler. */
    public static AmiReplayServer start(ReplayConfig config) throws IOException {
        AmiReplayServer server = new AmiReplayServer(config);
        server.port = config.port();
        server.listen();
        server.schedulerThread.execute(server.scheduler);
        long timeoutNanos = config.writeTimeout().toNanos();
        server.watchdog.scheduleWithFixedDelay(() -> server.hub.closeStalled(timeoutNanos), 100, 100,
                TimeUnit.MILLISECONDS);
        log.info("AMI replay server listening on port {}", server.port);
        return server;
    }

    /** The bound port, also after a start on port 0. */
    public int port() {
        return port;
    }

    /** Plays one bundled scenario at real pace with fresh numbers. */
    public ReplayHandle play(String scenario) {
        return play(scenario, PlayOptions.realTime());
    }

    public ReplayHandle play(String scenario, PlayOptions options) {
        return play(scenario(scenario), options);
    }

    public ReplayHandle play(Scenario scenario, PlayOptions options) {
        long nowNanos = System.nanoTime();
        long epoch = clock.epochMicros(nowNanos);
        ReplayInstance instance = instance(scenario, options, epoch, options.pace() > 0 ? nowNanos : epoch);
        scheduler.submit(List.of(instance));
        return instance.handle;
    }

    /**
     * Plays one call into {@code queue} as app_queue would ring it now: only its ready members
     * (not paused, not in a call, not rung by another played call), in turn, each standing in
     * for a phone of the capture; the capture's own pause changes are left out, so the members'
     * pause stays theirs. With fewer ready members than the scenario rings, a scenario that
     * rings fewer is played instead ({@link ReplayHandle#scenario()} says which), down to a
     * caller who waits and hangs up.
     */
    public ReplayHandle playToReadyMembers(String scenario, String queue, PlayOptions options) {
        MemberHonouringPlay.Plan plan = honouring.plan(scenario, queue);
        ReplayHandle handle;
        try {
            PlayOptions mapped = options.withOperators(plan.operators());
            long nowNanos = System.nanoTime();
            long epoch = clock.epochMicros(nowNanos);
            ReplayInstance instance = instance(plan.scenario(), mapped, epoch, mapped.pace() > 0 ? nowNanos : epoch);
            instance.skip(MemberHonouringPlay.leftOut(plan.scenario(), instance.values,
                    java.util.Set.copyOf(plan.interfaces())));
            scheduler.submit(List.of(instance));
            handle = instance.handle;
        } catch (RuntimeException e) {
            honouring.release(plan);
            throw e;
        }
        // A moment after the call for the wrap-up pause the application sends when it ends.
        handle.done().whenComplete((ok, failed) -> {
            try {
                watchdog.schedule(() -> honouring.release(plan), RELEASE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                honouring.release(plan);
            }
        });
        return handle;
    }

    /**
     * Starts {@code count} calls, one every {@code 1/callsPerSecond} seconds of scenario
     * time (0 = all at once), choosing scenarios from {@code mix}. At pace 0 the calls still
     * overlap as they would in real time; they are just played without waiting.
     */
    public List<ReplayHandle> playMany(int count, double callsPerSecond, ScenarioMix mix, double pace) {
        PlayOptions options = PlayOptions.paced(pace);
        long intervalMicros = callsPerSecond > 0 ? (long) (1_000_000 / callsPerSecond) : 0;
        long baseNanos = System.nanoTime();
        long baseEpoch = clock.epochMicros(baseNanos);
        List<ReplayInstance> instances = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long offsetMicros = i * intervalMicros;
            long start = pace > 0 ? baseNanos + (long) (offsetMicros * 1000 / pace) : baseEpoch + offsetMicros;
            instances.add(instance(mix.get(i), options, baseEpoch + offsetMicros, start));
        }
        scheduler.submit(instances);
        return instances.stream().map(i -> i.handle).toList();
    }

    private ReplayInstance instance(Scenario scenario, PlayOptions options, long startEpochMicros, long start) {
        ensureOpen();
        long id = INSTANCE_SEQ.incrementAndGet();
        byte[][] values = FreshIdentities.make(scenario.variables(), startEpochMicros, options.callerNumbers(),
                options.operators());
        return new ReplayInstance(new ReplayHandle(id, scenario, values), scenario, values, options.pace(), start, id);
    }

    /** A bundled scenario, compiled once per server. */
    public Scenario scenario(String name) {
        return scenarios.computeIfAbsent(name, Scenario::bundled);
    }

    /** Closes every client socket with a reset; {@code midBlock} first writes half an event block. */
    public void dropClients(boolean midBlock) {
        log.info("dropping {} AMI clients (mid-block: {})", hub.size(), midBlock);
        hub.dropAll(midBlock);
    }

    /** Closes the listening socket, so connecting is refused as when Asterisk is down. */
    public void refuseConnections() {
        synchronized (listenLock) {
            closeListener();
        }
        log.info("AMI replay server refuses connections on port {}", port);
    }

    /** Listens again on the same port after {@link #refuseConnections()}. */
    public void acceptConnections() {
        try {
            listen();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen again on port " + port, e);
        }
    }

    /**
     * Restarts the PBX as {@code core restart now} does (faults/pbx-restart-members): calls
     * are cut, every client taking events gets {@code Shutdown} ({@code Restart: True}) and
     * its socket is closed; the PBX comes back at once with a new start time ({@code Uptime 0}
     * at the next login), its dynamic queue members forgotten, or restored silently with their
     * pause when {@code persistentMembers} (persistentmembers = yes).
     */
    public void restartPbx(boolean persistentMembers) {
        long now = clock.nowEpochMicros();
        hub.broadcastEvent(new AmiText().line("Event", "Shutdown").line("Privilege", "system,all")
                .line("Timestamp", AmiActions.micros(now)).line("Shutdown", "Cleanly").line("Restart", "True")
                .end().bytes());
        hub.dropAll(false);
        state.restart(persistentMembers, now / 1_000_000L);
        actions.restarted();
        log.info("AMI replay PBX restarted (persistent members: {})", persistentMembers);
    }

    /** Every action clients sent since start or {@link #clearActionsReceived()} (not logins), oldest first. */
    public List<Map<String, String>> actionsReceived() {
        return actions.received();
    }

    public void clearActionsReceived() {
        actions.clearReceived();
    }

    /**
     * From now on the PBX reads these actions (names, any case) and never answers them, as
     * an Asterisk stuck on a lock would; an empty set answers everything again.
     */
    public void leaveUnanswered(java.util.Set<String> actionNames) {
        actions.leaveUnanswered(actionNames.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * Sets a dialplan global (null: unsets it), as the PBX's {@code [globals]} would after a
     * dialplan reload; {@code Getvar} with no channel answers it.
     */
    public void setGlobal(String name, String value) {
        actions.setGlobal(name, value);
    }

    /**
     * The AMI user's classes from now on, as manager.conf's {@code read =} and {@code write =}
     * (null: every class, as the lab's user): events of no readable class are not sent, actions
     * of no writable class are refused ("Permission denied") and left out of ListCommands.
     */
    public void restrictPermissions(java.util.Set<String> readClasses, java.util.Set<String> writeClasses) {
        permissions.restrict(readClasses, writeClasses);
    }

    /** Writes bytes as they are to every logged-in client: for malformed-input tests. */
    public void injectRaw(byte[] bytes) {
        hub.writeRaw(bytes.clone());
    }

    /**
     * Adds a queue, as if queues.conf had gained it and app_queue had been reloaded. The
     * lab Asterisk had only {@code q102}; a call centre configures more.
     */
    public void defineQueue(String name) {
        state.defineQueue(name);
    }

    /**
     * Removes the static members of {@code queue} (the lab's phones in q102), as a PBX whose
     * queues.conf lists none would have: its members are then only those who signed in.
     * Returns the interfaces removed.
     */
    public List<String> dropStaticMembers(String queue) {
        return state.dropStaticMembers(queue);
    }

    /**
     * Pauses or unpauses a member from the PBX's side (the CLI, another AMI client): the
     * events go to every client, as Asterisk's would. Null queue: every queue. Returns
     * Asterisk's answer message.
     */
    public String pauseMemberAtPbx(String queue, String iface, boolean paused, String reason) {
        Map<String, String> req = new java.util.HashMap<>();
        if (queue != null) {
            req.put("queue", queue);
        }
        req.put("interface", iface);
        req.put("paused", Boolean.toString(paused));
        if (reason != null) {
            req.put("reason", reason);
        }
        return publish(pbxSide.pause(req, null));
    }

    /** Removes a dynamic member from the PBX's side; returns Asterisk's answer message. */
    public String removeMemberAtPbx(String queue, String iface) {
        return publish(pbxSide.remove(Map.of("queue", queue, "interface", iface), null));
    }

    private String publish(MemberActions.Reply reply) {
        if (reply.events() != null) {
            hub.broadcastEvent(reply.events());
        }
        String text = new String(reply.response(), java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Message: ");
        return at < 0 ? text : text.substring(at + 9, text.indexOf('\r', at));
    }

    /** Called on the scheduler thread after each flushed event; null to remove. */
    public void setEventListener(ReplayEventListener listener) {
        scheduler.setListener(listener);
    }

    /** Events played, whether or not anyone was connected. */
    public long eventsPlayed() {
        return scheduler.eventsPlayed();
    }

    /** Events written to client sockets, counted once per client. */
    public long eventsDelivered() {
        return scheduler.eventsDelivered();
    }

    public int connectedClients() {
        return hub.size();
    }

    public int loggedInClients() {
        return (int) hub.loggedIn();
    }

    /** Idempotent: stops listening, drops clients, cancels what has not finished playing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        refuseConnections();
        hub.dropAll(false);
        scheduler.stop();
        schedulerThread.shutdown();
        clientThreads.shutdown();
        acceptorThreads.shutdown();
        watchdog.shutdownNow();
        log.info("AMI replay server on port {} closed", port);
    }

    private void listen() throws IOException {
        synchronized (listenLock) {
            ensureOpen();
            if (listener != null) {
                return;
            }
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 50);
            listener = socket;
            port = socket.getLocalPort();
            acceptor = acceptorThreads.submit(() -> acceptLoop(socket));
        }
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                AmiSession session = new AmiSession(client, actions, hub);
                hub.add(session);
                try {
                    clientThreads.execute(session);
                } catch (RejectedExecutionException e) {
                    log.warn("too many AMI clients, refusing {}", client.getRemoteSocketAddress());
                    hub.remove(session);
                    session.closeQuietly();
                }
            } catch (SocketException e) {
                log.debug("acceptor on port {} stopped: {}", port, e.toString());
            } catch (IOException e) {
                log.warn("accept failed on port {}", port, e);
            }
        }
    }

    private void closeListener() {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
            // The JDK finishes closing a listening socket only when the thread blocked in accept()
            // has left it; until then the kernel still completes handshakes. Wait, so that
            // "refused" really means refused when this returns.
            acceptor.get(5, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            log.warn("closing listener on port {}: {}", port, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener = null;
        acceptor = null;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("AMI replay server is closed");
        }
    }
}
