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

    private void member(EventTemplate e, byte[][] v) {
        Map<String, String> m = queue(e.field("queue", v)).members
                .computeIfAbsent(e.field("interface", v), k -> new LinkedHashMap<>());
        String name = e.field("membername", v);
        if (name != null) {
            m.put("Name", name);
        }
        for (String field : LiveQueue.MEMBER_FIELDS) {
            String value = e.field(field.toLowerCase(Locale.ROOT), v);
            if (value != null) {
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
