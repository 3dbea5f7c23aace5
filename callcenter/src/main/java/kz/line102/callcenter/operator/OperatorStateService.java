package kz.line102.callcenter.operator;

import kz.line102.callcenter.queue.QueueConfigService;
import kz.line102.callcenter.queue.QueueConfig;
import kz.line102.callcenter.queue.QueueProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.operator.PbxProblems.InvalidPauseReasonException;
import kz.line102.callcenter.operator.PbxProblems.NotSignedInException;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operator states and the PBX's queues kept in step. A change is decided, then carried
 * out in the PBX (QueueAdd, QueueRemove, QueuePause) and written here only once Asterisk
 * took it, in a short transaction of its own: no transaction or row lock is held while
 * the PBX is asked, so a PBX that is slow or never answers cannot starve the connection
 * pool that call intake needs. One operator's changes are serialised across nodes by a
 * claim on the operator's row ({@link OperatorClaims}). When the PBX cannot be reached the
 * change is refused (503), not queued: an operator shown "paused" whom Asterisk still
 * rings, or shown "ready" whom it never rings, would leave callers waiting unseen. A
 * signed-in operator the PBX lost (a restart) is put back in their queues before a pause.
 */
public class OperatorStateService implements SessionListener {

    private static final Logger log = LoggerFactory.getLogger(OperatorStateService.class);

    private final JdbcOperatorStateRepository states;
    private final QueueControl pbx;
    private final QueueConfigService config;
    private final UserService users;
    private final OperatorService operators;
    private final OperatorStateMirror mirror;
    private final QueueProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OperatorClaims claims;
    private final QueueMembership membership;
    /** Asks for a reconciliation soon: a command the PBX did not answer may or may not have been carried out. */
    private volatile Runnable uncertain = () -> { };

    public OperatorStateService(JdbcOperatorStateRepository states, QueueControl pbx, QueueConfigService config,
                         UserService users, OperatorService operators, OperatorStateMirror mirror,
                         QueueProperties props, TransactionTemplate tx, Clock clock) {
        this.states = states;
        this.pbx = pbx;
        this.config = config;
        this.users = users;
        this.operators = operators;
        this.mirror = mirror;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
        this.claims = new OperatorClaims(states);
        this.membership = new QueueMembership(pbx, config);
    }

    public OperatorState state(String username) {
        return states.find(username).orElseThrow(() -> new IllegalStateException("no user " + username));
    }

    public List<String> pauseReasons() {
        return props.pauseReasons();
    }

    /** The operator asks to be ready, or paused with a reason from the configured list. */
    public OperatorState change(String username, String target, String reason) {
        if (OperatorState.PAUSED.equals(target)) {
            if (reason == null || !props.pauseReasons().contains(reason)) {
                log.warn("operatorId={} pause refused: reason '{}' is not one of {}", username, reason,
                        props.pauseReasons());
                throw new InvalidPauseReasonException(reason, props.pauseReasons());
            }
        } else if (!OperatorState.READY.equals(target)) {
            throw new InvalidRequestException("'state' must be 'ready' or 'paused', not '" + target + "'");
        }
        long userId = users.get(username).id();
        return claims.exclusive(userId, username, () -> {
            OperatorSession session = operators.currentSession(username)
                    .orElseThrow(() -> new NotSignedInException(username));
            OperatorState now = state(username);
            String iface = session.iface();
            List<String> queues = now.queues();
            try {
                if (OperatorState.READY.equals(target) && queues.isEmpty()) {
                    // In no queue (the PBX lost the membership, e.g. a restart): ready means joining again.
                    queues = membership.join(username, iface);
                    if (!queues.isEmpty()) {
                        pbx.pause(null, iface, false, null);
                    }
                } else {
                    List<String> joined = membership.pause(username, iface, OperatorState.PAUSED.equals(target),
                            reason);
                    if (!joined.isEmpty()) {
                        queues = joined;
                    }
                }
            } catch (QueueCommandException e) {
                throw refused(username, target, e);
            }
            String state = queues.isEmpty() ? OperatorState.OFFLINE : target;
            String why = OperatorState.PAUSED.equals(state) ? reason : queues.isEmpty() ? "no-queue" : null;
            List<String> in = queues;
            return inTx(userId, () -> record(userId, username, state, why, iface, in, null, "operator", username,
                    null));
        });
    }

    /** After the sign-in committed: joins the queues; a refusal is thrown and the sign-in undone by its caller. */
    @Override
    public void signedIn(OperatorSession session) {
        long userId = users.get(session.username()).id();
        claims.exclusive(userId, session.username(), () -> {
            List<String> queues;
            try {
                queues = membership.join(session.username(), session.iface());
                if (!queues.isEmpty()) {
                    // A member that was already there (a static one) may be paused: signing in means ready.
                    pbx.pause(null, session.iface(), false, null);
                }
            } catch (QueueCommandException e) {
                throw refused(session.username(), "sign-in", e);
            }
            if (queues.isEmpty()) {
                log.warn("operatorId={} signed in at {} but no queue takes them (queue configuration): offline",
                        session.username(), session.iface());
            }
            return inTx(userId, () -> record(userId, session.username(),
                    queues.isEmpty() ? OperatorState.OFFLINE : OperatorState.READY,
                    queues.isEmpty() ? "no-queue" : null, session.iface(), queues, null, "sign-in",
                    session.username(), "workstation " + session.workstation()));
        });
    }

    /** Before the session is closed: leaves the queues; a refusal is thrown and the session stays open. */
    @Override
    public void signedOut(OperatorSession session, String why) {
        long userId = users.get(session.username()).id();
        claims.exclusive(userId, session.username(), () -> {
            try {
                for (QueueControl.Member m : pbx.status().members()) {
                    if (m.iface().equals(session.iface())) {
                        if (m.dynamic()) {
                            pbx.remove(m.queue(), m.iface());
                        } else {
                            log.warn("operatorId={} {} stays in {}: a static member of queues.conf cannot be removed",
                                    session.username(), m.iface(), m.queue());
                        }
                    }
                }
            } catch (QueueCommandException e) {
                throw refused(session.username(), "sign-out", e);
            }
            return inTx(userId, () -> record(userId, session.username(), OperatorState.OFFLINE, why,
                    session.iface(), List.of(), null, "sign-out", session.username(),
                    "workstation " + session.workstation()));
        });
    }

    /** A call answered at {@code extension} ended: the operator there goes into wrap-up if ready. */
    void callCompleted(String extension, String queue, String callId) {
        Optional<OperatorSession> at = operators.openAtExtension(extension);
        if (at.isEmpty()) {
            return;
        }
        OperatorSession session = at.get();
        int seconds = config.config().queue(queue).map(QueueConfig.Queue::wrapUpSeconds).orElse(0);
        if (seconds == 0) {
            return;
        }
        long userId = users.get(session.username()).id();
        claims.exclusive(userId, session.username(), () -> {
            OperatorState now = state(session.username());
            if (!OperatorState.READY.equals(now.state())) {
                return now;
            }
            try {
                pbx.pause(null, session.iface(), true, OperatorState.WRAP_UP_REASON);
            } catch (QueueCommandException e) {
                log.warn("callId={} operatorId={} wrap-up not started: {}; the operator stays ready", callId,
                        session.username(), e.getMessage());
                return now;
            }
            Instant until = clock.instant().plusSeconds(seconds);
            return inTx(userId, () -> record(userId, session.username(), OperatorState.WRAP_UP,
                    OperatorState.WRAP_UP_REASON, session.iface(), now.queues(), until, "call", "system",
                    "callId " + callId + ", " + seconds + " s"));
        });
    }

    /** Ends wrap-ups whose time is up: ready again. One that the PBX does not take is tried at the next check. */
    public void endDueWrapUps() {
        for (Long userId : states.dueWrapUps()) {
            // Another node (or a change by the operator) has it now: it is looked at again next time.
            claims.ifFree(userId, () -> {
                OperatorState now = states.findById(userId).orElseThrow();
                if (!OperatorState.WRAP_UP.equals(now.state()) || now.wrapUpUntil() == null
                        || now.wrapUpUntil().isAfter(clock.instant())) {
                    return;
                }
                try {
                    pbx.pause(null, now.iface(), false, null);
                } catch (QueueCommandException e) {
                    log.warn("operatorId={} wrap-up ended but the PBX did not take the unpause ({}): trying again",
                            now.username(), e.getMessage());
                    return;
                }
                inTx(userId, () -> record(userId, now.username(), OperatorState.READY, null, now.iface(),
                        now.queues(), null, "wrap-up-ended", "system", null));
            });
        }
    }

    /**
     * Puts a signed-in operator the PBX lost (a restart without persistent members, a
     * removal at the PBX) back in {@code missing} queues with their pause and its reason.
     * Returns whether the PBX took it; a refusal is logged and left to the next pass.
     */
    boolean restore(OperatorSession session, List<String> inPbx, List<String> missing, String why,
                    Instant writtenBefore) {
        long userId = users.get(session.username()).id();
        return claims.exclusive(userId, session.username(), () -> {
            OperatorState ours = state(session.username());
            boolean stillThere = operators.currentSession(session.username())
                    .filter(open -> open.id() == session.id()).isPresent();
            if (!stillThere || !java.util.Objects.equals(ours.updatedAt(), writtenBefore)) {
                // Signed out, or changed while the PBX was asked: the next pass looks again.
                return false;
            }
            boolean paused = ours.pausedInPbx();
            try {
                membership.restore(session.username(), session.iface(), missing, paused, ours.reason());
            } catch (QueueCommandException e) {
                log.warn("operatorId={} not put back in {} ({}): {}", session.username(), missing, why,
                        e.getMessage());
                if (e.reason() == QueueCommandException.Reason.TIMEOUT) {
                    uncertain.run();
                }
                return false;
            }
            List<String> queues = new ArrayList<>(inPbx);
            missing.stream().filter(q -> !queues.contains(q)).forEach(queues::add);
            String state = paused ? ours.state() : OperatorState.READY;
            String reason = paused ? ours.reason() : null;
            log.warn("operatorId={} put back in {} at {} ({}){}", session.username(), missing, session.iface(), why,
                    paused ? ", paused (" + reason + ")" : "");
            inTx(userId, () -> record(userId, session.username(), state, reason, session.iface(), queues,
                    OperatorState.WRAP_UP.equals(state) ? ours.wrapUpUntil() : null, "restore", "system",
                    why + ": the PBX had lost " + missing));
            return true;
        });
    }

    /**
     * A new queue configuration, applied to everyone signed in: they join the queues it now
     * gives them (paused there too when they are paused), leave those it no longer does,
     * and get its penalties. Returns one line per operator it could not apply to; their
     * membership stays as the PBX has it and the next sign-in applies the configuration.
     */
    List<String> applyConfig(QueueConfig config, String actor) {
        List<String> problems = new ArrayList<>();
        QueueControl.Status status;
        try {
            status = pbx.status();
        } catch (QueueCommandException e) {
            log.warn("queue configuration not applied to signed-in operators ({}): it applies at their next sign-in",
                    e.getMessage());
            return List.of("not applied: " + e.getMessage());
        }
        for (OperatorSession session : operators.openSessions()) {
            try {
                long userId = users.get(session.username()).id();
                claims.exclusive(userId, session.username(), () -> applyTo(userId, session, config, status, actor));
            } catch (QueueCommandException e) {
                log.warn("operatorId={} queue configuration not applied: {}", session.username(), e.getMessage());
                problems.add(session.username() + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private OperatorState applyTo(long userId, OperatorSession session, QueueConfig config, QueueControl.Status status,
                                  String actor) {
        OperatorState now = state(session.username());
        String iface = session.iface();
        java.util.Map<String, QueueControl.Member> in = new java.util.TreeMap<>();
        status.members().stream().filter(m -> m.iface().equals(iface)).forEach(m -> in.put(m.queue(), m));
        List<String> changes = new ArrayList<>();
        for (QueueConfig.Queue q : config.queues()) {
            Optional<Integer> penalty = q.penaltyOf(session.username());
            QueueControl.Member member = in.get(q.name());
            if (penalty.isPresent() && member == null) {
                pbx.add(q.name(), iface, session.username(), penalty.get());
                if (now.pausedInPbx()) {
                    pbx.pause(q.name(), iface, true, now.reason());
                }
                changes.add("joined " + q.name());
            } else if (penalty.isPresent() && member.penalty() != penalty.get()) {
                pbx.penalty(q.name(), iface, penalty.get());
                changes.add("penalty " + penalty.get() + " in " + q.name());
            }
        }
        for (QueueControl.Member m : in.values()) {
            boolean wanted = config.queue(m.queue()).flatMap(q -> q.penaltyOf(session.username())).isPresent();
            if (!wanted && m.dynamic()) {
                pbx.remove(m.queue(), iface);
                changes.add("left " + m.queue());
            }
        }
        if (changes.isEmpty()) {
            return now;
        }
        List<String> queues = config.queues().stream().map(QueueConfig.Queue::name)
                .filter(q -> config.queue(q).flatMap(c -> c.penaltyOf(session.username())).isPresent()
                        || in.containsKey(q) && !in.get(q).dynamic())
                .toList();
        String state = now.state();
        String reason = now.reason();
        if (queues.isEmpty()) {
            state = OperatorState.OFFLINE;
            reason = "no-queue";
        } else if (OperatorState.OFFLINE.equals(state)) {
            state = OperatorState.READY;
            reason = null;
        }
        String s = state;
        String r = reason;
        return inTx(userId, () -> record(userId, session.username(), s, r, iface, queues, now.wrapUpUntil(),
                "queue-config", actor, String.join(", ", changes)));
    }

    /** Writes the state and its change, and mirrors it to Redis once committed. */
    OperatorState record(long userId, String username, String state, String reason, String iface, List<String> queues,
                         Instant wrapUpUntil, String source, String actor, String detail) {
        states.set(userId, state, reason, iface, queues, wrapUpUntil);
        states.change(userId, state, reason, iface, source, actor, detail);
        OperatorState after = states.find(username).orElseThrow();
        mirror.afterCommit(after);
        log.info("operatorId={} {}{} ({}, {})", username, state, reason == null ? "" : " (" + reason + ")", source,
                iface);
        return after;
    }

    List<Map<String, Object>> history(String username, int limit) {
        return states.history(username, limit);
    }

    List<OperatorState> all() {
        return states.all();
    }

    void whenUncertain(Runnable reconcile) {
        this.uncertain = reconcile;
    }

    private RuntimeException refused(String username, String what, QueueCommandException e) {
        log.warn("operatorId={} {} not done: {}", username, what, e.getMessage());
        if (e.reason() == QueueCommandException.Reason.TIMEOUT) {
            uncertain.run();
        }
        return PbxProblems.of(e);
    }

    /** A short transaction that only writes: the operator's row locked, no PBX I/O inside. */
    private <T> T inTx(long userId, java.util.function.Supplier<T> work) {
        return tx.execute(status -> {
            states.lock(userId);
            return work.get();
        });
    }

    /** The configuration's queues for an operator (what a restore puts them back in). */
    List<String> configuredQueues(String username) {
        return membership.configured(username);
    }
}
