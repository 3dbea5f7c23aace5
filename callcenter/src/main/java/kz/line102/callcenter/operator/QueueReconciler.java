package kz.line102.callcenter.operator;

import kz.line102.callcenter.queue.QueueSnapshots;
import kz.line102.callcenter.queue.QueueLoadFeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.QueueControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares every operator's state with the PBX's QueueStatus, at start-up, after every AMI
 * reconnect and every {@code reconcile-interval}. Asterisk is the truth for membership and
 * pause: each difference is corrected in our state, written to the timeline with source
 * {@code reconcile} and logged at WARN with both sides. Members the PBX has with no
 * operator signed in at that interface are reported (WARN when that set changes) and
 * shown on the wallboard, not removed: they may be static members of queues.conf.
 */
public class QueueReconciler {

    private static final Logger log = LoggerFactory.getLogger(QueueReconciler.class);

    private final QueueControl pbx;
    private final OperatorService operators;
    private final UserService users;
    private final JdbcOperatorStateRepository states;
    private final OperatorStateService service;
    private final OperatorStateMirror mirror;
    private final QueueLoadFeed load;
    private final QueueSnapshots snapshots;
    private final TransactionTemplate tx;
    private volatile Set<String> unattended = Set.of();
    private final Counter corrections;
    private final Counter restored;

    QueueReconciler(QueueControl pbx, OperatorService operators, UserService users, JdbcOperatorStateRepository states,
                    OperatorStateService service, OperatorStateMirror mirror, QueueLoadFeed load,
                    QueueSnapshots snapshots, TransactionTemplate tx, MeterRegistry meters) {
        this.corrections = Counter.builder("line102.callcenter.operator.state.corrections")
                .description("operator states corrected from the PBX's QueueStatus").register(meters);
        this.restored = Counter.builder("line102.callcenter.queue.members.restored")
                .description("signed-in operators put back in queues the PBX had lost them from (a PBX restart)")
                .register(meters);
        Gauge.builder("line102.callcenter.queue.unattended.members", this, r -> r.unattended.size())
                .description("queue members in the PBX with no operator signed in at that interface").register(meters);
        this.pbx = pbx;
        this.operators = operators;
        this.users = users;
        this.states = states;
        this.service = service;
        this.mirror = mirror;
        this.load = load;
        this.snapshots = snapshots;
        this.tx = tx;
    }

    /** One pass (passes run one at a time). Returns the corrections made, or -1 when the PBX did not answer. */
    public synchronized int reconcile(String why) {
        try {
            // Read before the PBX is asked: a row written after this was changed after the
            // snapshot too, and is left for the next pass rather than "corrected" to the past.
            Map<String, java.time.Instant> written = new HashMap<>();
            states.all().forEach(st -> written.put(st.username(), st.updatedAt()));
            QueueControl.Status status;
            try {
                status = pbx.status();
            } catch (QueueCommandException e) {
                log.info("queue reconciliation ({}) skipped: {}", why, e.getMessage());
                return -1;
            }
            snapshots.put(status);
            load.reconcile(status);
            int corrected = operators(status, written, why);
            corrections.increment(corrected);
            if (corrected > 0) {
                log.warn("queue reconciliation ({}): {} operator state(s) corrected from the PBX", why, corrected);
            } else {
                log.debug("queue reconciliation ({}): in step with the PBX", why);
            }
            return corrected;
        } catch (RuntimeException e) {
            log.warn("queue reconciliation ({}) failed: {}", why, e.toString(), e);
            return -1;
        }
    }

    private int operators(QueueControl.Status status, Map<String, java.time.Instant> written, String why) {
        Map<String, List<QueueControl.Member>> byIface = new HashMap<>();
        status.members().forEach(m -> byIface.computeIfAbsent(m.iface(), k -> new ArrayList<>()).add(m));
        Set<String> attended = new HashSet<>();
        int corrected = 0;
        for (OperatorSession session : operators.openSessions()) {
            attended.add(session.iface());
            List<QueueControl.Member> members = byIface.getOrDefault(session.iface(), List.of());
            if (restore(session, members, written, why)) {
                corrected++;
                continue;
            }
            Integer done = tx.execute(s -> compare(session, members, written));
            corrected += done == null ? 0 : done;
        }
        // Operators shown in a queue with no session any more (a sign-out the PBX never heard of is
        // refused, so this is a row left by a crash): offline.
        for (OperatorState st : states.all()) {
            if (st.workstation() == null && !OperatorState.OFFLINE.equals(st.state())) {
                long userId = users.get(st.username()).id();
                Integer done = tx.execute(s -> {
                    OperatorState now = states.lock(userId);
                    if (now.workstation() != null || OperatorState.OFFLINE.equals(now.state())) {
                        return 0;
                    }
                    log.warn("operatorId={} shown {} but signed in nowhere: offline", now.username(), now.state());
                    service.record(userId, now.username(), OperatorState.OFFLINE, "not-signed-in", now.iface(),
                            List.of(), null, "reconcile", "system", "ours " + now.state() + ", no session");
                    return 1;
                });
                corrected += done == null ? 0 : done;
            } else {
                mirror.put(st);
            }
        }
        Set<String> others = new TreeSet<>(byIface.keySet());
        others.removeAll(attended);
        if (!others.equals(unattended)) {
            if (!others.isEmpty()) {
                log.warn("queue members in the PBX with no operator signed in there: {}", others);
            }
            unattended = Set.copyOf(others);
        }
        return corrected;
    }

    /**
     * Membership is ours: a signed-in operator missing from a queue the configuration gives
     * them was lost by the PBX (a restart without persistentmembers, a removal at the PBX)
     * and is put back, with their pause. Their pause itself stays the PBX's (compare).
     */
    private boolean restore(OperatorSession session, List<QueueControl.Member> members,
                            Map<String, java.time.Instant> written, String why) {
        List<String> inPbx = members.stream().map(QueueControl.Member::queue).toList();
        List<String> missing = service.configuredQueues(session.username()).stream()
                .filter(q -> !inPbx.contains(q)).toList();
        if (missing.isEmpty()) {
            return false;
        }
        if (!service.restore(session, inPbx, missing, why, written.get(session.username()))) {
            return false;
        }
        restored.increment();
        return true;
    }

    /** One operator against the PBX, with their row locked; returns 1 when corrected. */
    private int compare(OperatorSession session, List<QueueControl.Member> members,
                        Map<String, java.time.Instant> written) {
        long userId = users.get(session.username()).id();
        OperatorState ours = states.lock(userId);
        if (!Objects.equals(ours.updatedAt(), written.get(session.username()))) {
            log.debug("operatorId={} changed while the PBX was asked: compared at the next pass", session.username());
            return 0;
        }
        List<String> pbxQueues = members.stream().map(QueueControl.Member::queue).sorted().toList();
        boolean paused = members.stream().anyMatch(QueueControl.Member::paused);
        String pbxReason = members.stream().filter(QueueControl.Member::paused)
                .map(QueueControl.Member::pausedReason).filter(r -> r != null && !r.isEmpty()).findFirst()
                .orElse(paused ? "" : null);
        if (paused && members.stream().anyMatch(m -> !m.paused())) {
            log.warn("operatorId={} {} is paused in some queues and not in others: {}", session.username(),
                    session.iface(), members);
        }
        String state;
        String reason;
        if (members.isEmpty()) {
            state = OperatorState.OFFLINE;
            reason = "not-in-pbx";
        } else if (!paused) {
            state = OperatorState.READY;
            reason = null;
        } else if (OperatorState.WRAP_UP_REASON.equals(pbxReason) && OperatorState.WRAP_UP.equals(ours.state())) {
            state = OperatorState.WRAP_UP;
            reason = pbxReason;
        } else {
            state = OperatorState.PAUSED;
            reason = pbxReason;
        }
        List<String> oursQueues = ours.queues().stream().sorted().toList();
        boolean same = state.equals(ours.state()) && oursQueues.equals(pbxQueues)
                && (OperatorState.READY.equals(state) || OperatorState.OFFLINE.equals(state)
                        && OperatorState.OFFLINE.equals(ours.state()) || Objects.equals(reason, ours.reason()));
        if (same && Objects.equals(session.iface(), ours.iface())) {
            return 0;
        }
        String detail = "ours " + ours.state() + (ours.reason() == null ? "" : "(" + ours.reason() + ")") + " in "
                + oursQueues + "; PBX " + state + (reason == null ? "" : "(" + reason + ")") + " in " + pbxQueues;
        log.warn("operatorId={} state differs from the PBX at {}: {}: corrected to the PBX's", session.username(),
                session.iface(), detail);
        service.record(userId, session.username(), state, reason, session.iface(), pbxQueues,
                OperatorState.WRAP_UP.equals(state) ? ours.wrapUpUntil() : null, "reconcile", "system", detail);
        return 1;
    }

    Set<String> unattended() {
        return unattended;
    }
}
