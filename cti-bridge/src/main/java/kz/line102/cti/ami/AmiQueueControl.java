package kz.line102.cti.ami;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import kz.line102.cti.QueueCommandException;
import kz.line102.cti.QueueCommandException.Reason;
import kz.line102.cti.QueueControl;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueuePenaltyAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link QueueControl} over the connector's live AMI session: QueueAdd, QueueRemove,
 * QueuePause and QueueStatus, with Asterisk 22's answers (ami-member-ops) turned into
 * outcomes. "Already there" on add and "Not there" on remove are what was wanted, so
 * they succeed; every other error is refused with Asterisk's own words.
 */
final class AmiQueueControl implements QueueControl, ManagerEventListener {

    private static final Logger log = LoggerFactory.getLogger(AmiQueueControl.class);

    private final String pbx;
    private final Supplier<GuardedManagerConnection> connection;
    private final LinkWait linkWait;
    private final Duration timeout;
    private final Clock clock;
    private volatile java.util.function.BooleanSupplier holder = () -> true;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> memberListeners = new CopyOnWriteArrayList<>();

    /** Waits up to a bound for the link to come up; returns whether it is up. */
    interface LinkWait {
        boolean await(long millis) throws InterruptedException;
    }

    AmiQueueControl(String pbx, Supplier<GuardedManagerConnection> connection, LinkWait linkWait,
                    Duration timeout, Clock clock) {
        this.pbx = pbx;
        this.connection = connection;
        this.linkWait = linkWait;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void add(String queue, String iface, String memberName, int penalty) {
        QueueAddAction a = new QueueAddAction(queue, iface, penalty);
        a.setMemberName(memberName);
        a.setStateInterface(iface);
        ManagerResponse r = send(a, queue, iface);
        if (r instanceof ManagerError e && !contains(e, "already there")) {
            throw refused("QueueAdd", queue, iface, e);
        }
    }

    @Override
    public void remove(String queue, String iface) {
        ManagerResponse r = send(new QueueRemoveAction(queue, iface), queue, iface);
        if (r instanceof ManagerError e && !contains(e, "not there")) {
            throw refused("QueueRemove", queue, iface, e);
        }
    }

    @Override
    public void pause(String queue, String iface, boolean paused, String reason) {
        QueuePauseAction a = queue == null ? new QueuePauseAction(iface, paused)
                : new QueuePauseAction(iface, queue, paused);
        if (paused && reason != null) {
            a.setReason(reason);
        }
        ManagerResponse r = send(a, queue, iface);
        if (r instanceof ManagerError e) {
            throw refused("QueuePause", queue, iface, e);
        }
    }

    @Override
    public void penalty(String queue, String iface, int penalty) {
        ManagerResponse r = send(new QueuePenaltyAction(iface, penalty, queue), queue, iface);
        if (r instanceof ManagerError e) {
            throw refused("QueuePenalty", queue, iface, e);
        }
    }

    @Override
    public Status status() {
        GuardedManagerConnection c = connected();
        ResponseEvents answer;
        try {
            answer = c.sendEventGeneratingAction(new QueueStatusAction(), timeout.toMillis());
        } catch (org.asteriskjava.manager.TimeoutException e) {
            throw new QueueCommandException(Reason.TIMEOUT, "QueueStatus not answered in " + timeout.toMillis()
                    + " ms", e);
        } catch (IOException | IllegalStateException e) {
            throw new QueueCommandException(Reason.PBX_UNAVAILABLE, "QueueStatus not sent: " + e.getMessage(), e);
        }
        if (answer.getResponse() instanceof ManagerError e) {
            throw new QueueCommandException(Reason.REFUSED, "QueueStatus refused: " + e.getMessage());
        }
        List<QueueFigures> queues = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        List<Waiting> waiting = new ArrayList<>();
        for (ResponseEvent e : answer.getEvents()) {
            if (e instanceof QueueParamsEvent q) {
                queues.add(new QueueFigures(q.getQueue(), q.getStrategy(), AmiValues.intOr0(q.getCalls()),
                        AmiValues.intOr0(q.getCompleted()), AmiValues.intOr0(q.getAbandoned()),
                        AmiValues.intOr0(q.getServiceLevel()),
                        q.getServiceLevelPerf() == null ? "0.0" : q.getServiceLevelPerf().toString()));
            } else if (e instanceof QueueMemberEvent m) {
                members.add(new Member(m.getQueue(), m.getLocation(), m.getName(), m.isDynamic(),
                        AmiValues.intOr0(m.getPenalty()), Boolean.TRUE.equals(m.getPaused()),
                        m.getPausedreason() == null ? "" : m.getPausedreason(), AmiValues.intOr0(m.getStatus()),
                        AmiValues.intOr0(m.getIncall()) != 0));
            } else if (e instanceof QueueEntryEvent q) {
                waiting.add(new Waiting(q.getQueue(), AmiValues.intOr0(q.getPosition()),
                        q.getWait() == null ? 0 : q.getWait()));
            }
        }
        return new Status(clock.instant(), queues, members, waiting);
    }

    @Override
    public boolean available() {
        return connection.get() != null;
    }

    @Override
    public boolean linkHolder() {
        return holder.getAsBoolean() && available();
    }

    void holder(java.util.function.BooleanSupplier holds) {
        this.holder = holds;
    }

    @Override
    public void onLinkUp(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void onMemberChange(Runnable listener) {
        memberListeners.add(listener);
    }

    /** On asterisk-java's dispatch thread: every event of the session passes here. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof QueueMemberPauseEvent || event instanceof QueueMemberAddedEvent
                || event instanceof QueueMemberRemovedEvent) {
            for (Runnable l : memberListeners) {
                try {
                    l.run();
                } catch (RuntimeException e) {
                    log.warn("pbx={} member-change listener failed: {}", pbx, e.toString());
                }
            }
        }
    }

    /** On the link thread, after each successful resync. */
    void linkUp() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.warn("pbx={} link-up listener failed: {}", pbx, e.toString());
            }
        }
    }

    private ManagerResponse send(ManagerAction action, String queue, String iface) {
        GuardedManagerConnection c = connected();
        try {
            ManagerResponse r = c.sendAction(action, timeout.toMillis());
            if (r == null) {
                throw new QueueCommandException(Reason.TIMEOUT, action.getAction() + " " + iface + " in " + queue
                        + " not answered in " + timeout.toMillis() + " ms");
            }
            return r;
        } catch (org.asteriskjava.manager.TimeoutException e) {
            throw new QueueCommandException(Reason.TIMEOUT, action.getAction() + " " + iface + " in "
                    + (queue == null ? "all queues" : queue) + " not answered in " + timeout.toMillis() + " ms", e);
        } catch (IOException | IllegalStateException e) {
            throw new QueueCommandException(Reason.PBX_UNAVAILABLE, action.getAction() + " not sent: "
                    + e.getMessage(), e);
        }
    }

    private GuardedManagerConnection connected() {
        GuardedManagerConnection c = connection.get();
        if (c != null) {
            return c;
        }
        try {
            // A link that is reconnecting is often back within moments (a PBX restart takes
            // under a second); a short wait spares the operator a refusal.
            if (linkWait.await(timeout.toMillis())) {
                c = connection.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (c == null) {
            throw new QueueCommandException(Reason.PBX_UNAVAILABLE, "no AMI link to " + pbx);
        }
        return c;
    }

    private static boolean contains(ManagerError e, String words) {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(words);
    }

    private QueueCommandException refused(String action, String queue, String iface, ManagerError e) {
        String msg = action + " " + iface + (queue == null ? "" : " in " + queue) + " refused by " + pbx + ": "
                + e.getMessage();
        log.warn("pbx={} {}", pbx, msg);
        return new QueueCommandException(Reason.REFUSED, msg);
    }
}
