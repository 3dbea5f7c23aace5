package kz.line102.cti.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What Asterisk would know now, built from the events played so far, so that
 * CoreShowChannels, QueueStatus and QueueSummary answer like the real thing.
 * Written by the scheduler thread, read by client threads: every method locks.
 */
final class LiveState {

    private final Map<String, LiveChannel> channels = new LinkedHashMap<>();
    private final Map<String, LiveQueue> queues = new LinkedHashMap<>();

    /** Starts with the lab's queue and its static members, logged in at {@code loginEpochSeconds}. */
    static LiveState withLabQueue(long loginEpochSeconds) {
        LiveState state = new LiveState();
        LiveQueue q102 = state.queue("q102");
        for (String[] op : new String[][] {{"PJSIP/1001", "Operator 1"}, {"PJSIP/1002", "Operator 2"}}) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("Name", op[1]);
            m.put("StateInterface", op[0]);
            m.put("Membership", "static");
            m.put("Penalty", "0");
            m.put("CallsTaken", "0");
            m.put("LastCall", "0");
            m.put("LastPause", "0");
            m.put("LoginTime", Long.toString(loginEpochSeconds));
            m.put("InCall", "0");
            m.put("Status", "1");
            m.put("Paused", "0");
            m.put("PausedReason", "");
            m.put("Wrapuptime", "0");
            q102.members.put(op[0], m);
        }
        return state;
    }

    synchronized void apply(EventTemplate e, byte[][] v, long nowNanos, double pace) {
        switch (e.op()) {
            case NONE -> { }
            case NEW_CHANNEL -> {
                String uniqueid = e.field("uniqueid", v);
                LiveChannel c = new LiveChannel(uniqueid, nowNanos, pace);
                c.update(e, v);
                channels.put(uniqueid, c);
            }
            case HANGUP -> channels.remove(e.field("uniqueid", v));
            case CHANNEL_UPDATE -> channel(e, v).ifPresent(c -> c.update(e, v));
            case EXTEN -> channel(e, v).ifPresent(c -> {
                c.update(e, v);
                c.application = e.field("application", v);
                c.applicationData = e.field("appdata", v);
            });
            case DIAL_BEGIN -> {
                LiveChannel dest = channels.get(e.field("destuniqueid", v));
                if (dest != null) {
                    String callerApp = channel(e, v).map(c -> c.application).orElse("");
                    dest.application = "Queue".equals(callerApp) ? "AppQueue" : "AppDial";
                    dest.applicationData = "(Outgoing Line)";
                }
            }
            case BRIDGE_ENTER -> channel(e, v).ifPresent(c -> c.bridgeId = e.field("bridgeuniqueid", v));
            case BRIDGE_LEAVE -> channel(e, v).ifPresent(c -> c.bridgeId = "");
            case QUEUE_PRIO -> channel(e, v).ifPresent(c -> c.queuePriority = e.field("value", v));
            case QUEUE_JOIN -> {
                String uniqueid = e.field("uniqueid", v);
                String prio = channels.containsKey(uniqueid) ? channels.get(uniqueid).queuePriority : "0";
                queue(e.field("queue", v)).join(new LiveQueue.Entry(uniqueid, e.field("channel", v),
                        e.field("calleridnum", v), e.field("calleridname", v), prio, nowNanos, pace),
                        parseInt(e.field("position", v)));
            }
            case QUEUE_LEAVE -> queue(e.field("queue", v)).leave(e.field("uniqueid", v));
            case QUEUE_ABANDON -> {
                LiveQueue q = queue(e.field("queue", v));
                q.leave(e.field("uniqueid", v));
                q.abandoned(parseInt(e.field("holdtime", v)));
            }
            case AGENT_CONNECT -> queue(e.field("queue", v)).connected(parseInt(e.field("holdtime", v)));
            case AGENT_COMPLETE -> queue(e.field("queue", v)).completed(parseInt(e.field("talktime", v)));
            case MEMBER -> member(e, v);
            case MEMBER_REMOVED -> queue(e.field("queue", v)).members.remove(e.field("interface", v));
        }
    }

    /** Played events may only change what a call changes of a member already there (see below). */
    private static final java.util.Set<String> CALL_FIELDS = java.util.Set.of("CallsTaken", "LastCall", "InCall",
            "Status");
    private static final java.util.Set<String> PAUSE_FIELDS = java.util.Set.of("Paused", "PausedReason", "LastPause");

    private void member(EventTemplate e, byte[][] v) {
        Map<String, Map<String, String>> members = queue(e.field("queue", v)).members;
        String iface = e.field("interface", v);
        boolean known = members.containsKey(iface);
        Map<String, String> m = members.computeIfAbsent(iface, k -> new LinkedHashMap<>());
        String name = e.field("membername", v);
        if (name != null && !known) {
            m.put("Name", name);
        }
        for (String field : LiveQueue.MEMBER_FIELDS) {
            String value = e.field(field.toLowerCase(Locale.ROOT), v);
            // A call played onto another phone than the capture's carries the captured member's
            // membership, penalty and pause; the member added by QueueAdd keeps its own.
            if (value != null && (!known || CALL_FIELDS.contains(field)
                    || "QueueMemberPause".equals(e.name()) && PAUSE_FIELDS.contains(field))) {
                m.put(field, value);
            }
        }
    }

    private Optional<LiveChannel> channel(EventTemplate e, byte[][] v) {
        return Optional.ofNullable(channels.get(e.field("uniqueid", v)));
    }

    private LiveQueue queue(String name) {
        return queues.computeIfAbsent(name == null ? "" : name, LiveQueue::new);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Device states app_queue does not ring: in use, busy, ringing, ring in use, on hold. */
    private static final java.util.Set<String> ENGAGED_STATUS = java.util.Set.of("2", "3", "6", "7", "8");

    /**
     * The members of {@code queueName} app_queue could ring now, in the queue's order: not
     * paused, not in a call, their device not busy or ringing, not in {@code engaged}. The
     * operators who signed in (dynamic members) when the queue has any, else its static ones.
     * A device never registered (5) counts as ringable: the replay's phones are virtual.
     */
    synchronized List<String> ringable(String queueName, java.util.Set<String> engaged) {
        LiveQueue q = queues.get(queueName);
        if (q == null) {
            return List.of();
        }
        boolean anyDynamic = q.members.values().stream().anyMatch(m -> "dynamic".equals(m.get("Membership")));
        List<String> out = new ArrayList<>();
        q.members.forEach((iface, m) -> {
            if (anyDynamic == "dynamic".equals(m.get("Membership")) && "0".equals(m.get("Paused"))
                    && !"1".equals(m.get("InCall")) && !ENGAGED_STATUS.contains(m.get("Status"))
                    && !engaged.contains(iface)) {
                out.add(iface);
            }
        });
        return out;
    }

    // --- queue members changed by actions (QueueAdd, QueueRemove, QueuePause, QueuePenalty) ---

    enum MemberResult { OK, EXISTS, NOT_THERE, NO_SUCH_QUEUE, NOT_DYNAMIC }

    /** A queue as if queues.conf had gained it and app_queue had been reloaded. */
    synchronized void defineQueue(String name) {
        queue(name);
    }

    /** Drops the static members of a queue, as a queues.conf without {@code member =} lines would have. */
    synchronized List<String> dropStaticMembers(String queueName) {
        LiveQueue q = queues.get(queueName);
        if (q == null) {
            return List.of();
        }
        List<String> dropped = new ArrayList<>();
        q.members.entrySet().removeIf(e -> {
            boolean isStatic = "static".equals(e.getValue().get("Membership"));
            if (isStatic) {
                dropped.add(e.getKey());
            }
            return isStatic;
        });
        return dropped;
    }

    synchronized boolean hasQueue(String name) {
        return queues.containsKey(name);
    }

    /** app_queue's add_to_queue: a new dynamic member, logged in now. */
    synchronized MemberResult addMember(String queueName, String iface, String name, String stateIface,
                                        String penalty, long nowEpochSeconds, Map<String, String> added) {
        LiveQueue q = queues.get(queueName);
        if (q == null) {
            return MemberResult.NO_SUCH_QUEUE;
        }
        if (q.members.containsKey(iface)) {
            return MemberResult.EXISTS;
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", name == null || name.isEmpty() ? iface : name);
        m.put("StateInterface", stateIface == null || stateIface.isEmpty() ? iface : stateIface);
        m.put("Membership", "dynamic");
        m.put("Penalty", penalty == null || penalty.isEmpty() ? "0" : penalty);
        m.put("CallsTaken", "0");
        m.put("LastCall", "0");
        m.put("LastPause", "0");
        m.put("LoginTime", Long.toString(nowEpochSeconds));
        m.put("InCall", "0");
        // The lab's phones are registered (1 not in use); anything else has no device (5 unavailable).
        m.put("Status", iface.matches("PJSIP/100[1-3]") ? "1" : "5");
        m.put("Paused", "0");
        m.put("PausedReason", "");
        m.put("Wrapuptime", "0");
        q.members.put(iface, m);
        added.putAll(m);
        return MemberResult.OK;
    }

    synchronized MemberResult removeMember(String queueName, String iface, Map<String, String> removed) {
        LiveQueue q = queues.get(queueName);
        if (q == null) {
            return MemberResult.NO_SUCH_QUEUE;
        }
        Map<String, String> m = q.members.get(iface);
        if (m == null) {
            return MemberResult.NOT_THERE;
        }
        if (!"dynamic".equals(m.get("Membership"))) {
            return MemberResult.NOT_DYNAMIC;
        }
        q.members.remove(iface);
        removed.putAll(m);
        return MemberResult.OK;
    }

    /**
     * app_queue's set_member_paused: in one queue, or in every queue the interface is in
     * when {@code queueName} is null. Returns the queues changed, with each member after.
     */
    synchronized Map<String, Map<String, String>> pauseMember(String queueName, String iface, boolean paused,
                                                              String reason, long nowEpochSeconds) {
        Map<String, Map<String, String>> changed = new LinkedHashMap<>();
        for (LiveQueue q : queues.values()) {
            if (queueName != null && !queueName.isEmpty() && !q.name.equals(queueName)) {
                continue;
            }
            Map<String, String> m = q.members.get(iface);
            if (m == null) {
                continue;
            }
            m.put("Paused", paused ? "1" : "0");
            m.put("PausedReason", paused && reason != null ? reason : "");
            if (paused) {
                m.put("LastPause", Long.toString(nowEpochSeconds));
            }
            changed.put(q.name, new LinkedHashMap<>(m));
        }
        return changed;
    }

    synchronized Map<String, String> penalty(String queueName, String iface, String penalty) {
        LiveQueue q = queues.get(queueName);
        Map<String, String> m = q == null ? null : q.members.get(iface);
        if (m == null) {
            return null;
        }
        m.put("Penalty", penalty);
        return new LinkedHashMap<>(m);
    }

    /**
     * A PBX restart (faults/pbx-restart-members): every channel and waiting caller gone, the
     * counters back to zero; dynamic members forgotten, or with {@code persistentMembers}
     * restored from astdb with their pause and reason (LoginTime and a paused member's
     * LastPause = now, CallsTaken 0). Static members come back from queues.conf.
     */
    synchronized void restart(boolean persistentMembers, long nowEpochSeconds) {
        channels.clear();
        for (LiveQueue q : queues.values()) {
            q.entries.clear();
            q.holdTime = 0;
            q.talkTime = 0;
            q.completed = 0;
            q.abandoned = 0;
            q.completedInServiceLevel = 0;
            q.abandonedInServiceLevel = 0;
            q.members.values().removeIf(m -> "dynamic".equals(m.get("Membership")) && !persistentMembers);
            for (Map<String, String> m : q.members.values()) {
                m.put("CallsTaken", "0");
                m.put("LastCall", "0");
                m.put("InCall", "0");
                m.put("LoginTime", Long.toString(nowEpochSeconds));
                m.put("LastPause", "1".equals(m.get("Paused")) ? Long.toString(nowEpochSeconds) : "0");
                if (!"dynamic".equals(m.get("Membership"))) {
                    m.put("Paused", "0");
                    m.put("PausedReason", "");
                }
            }
        }
    }

    /** Renders under the lock, so a response never shows half an update. */
    synchronized void readChannels(Consumer<List<LiveChannel>> reader) {
        reader.accept(new ArrayList<>(channels.values()));
    }

    synchronized void readQueues(Consumer<List<LiveQueue>> reader) {
        reader.accept(new ArrayList<>(queues.values()));
    }

    /** Called inside a read as well: the lock is re-entrant. */
    synchronized LiveChannel channel(String uniqueid) {
        return channels.get(uniqueid);
    }

    synchronized int channelCount() {
        return channels.size();
    }
}
