package kz.line102.cti.replay;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * QueueAdd, QueueRemove, QueuePause and QueuePenalty as app_queue in Asterisk 22.10.1
 * answers them (ami-member-ops): the response first, then, for a change, the
 * {@code DeviceStateChange} of the member's pause device (pauses only) and the
 * {@code QueueMemberAdded / Pause / Removed / Penalty} event to every client that takes
 * events. Membership is kept in {@link LiveState}, so QueueStatus shows it afterwards.
 */
final class MemberActions {

    private final LiveState state;
    private final ClientHub hub;
    private final LongSupplier epochMicros;

    MemberActions(LiveState state, ClientHub hub, LongSupplier epochMicros) {
        this.state = state;
        this.hub = hub;
        this.epochMicros = epochMicros;
    }

    /** The response to the client that asked, and the events every client taking events gets after it. */
    record Reply(byte[] response, byte[] events) {
        static Reply error(String id, String message) {
            return new Reply(AmiActions.error(id, message), null);
        }
    }

    /** Answers the one who asked, then tells everyone (Asterisk sends the events after the response). */
    boolean answer(AmiSession s, Reply reply) {
        boolean open = s.send(reply.response());
        if (reply.events() != null) {
            hub.broadcastEvent(reply.events());
        }
        return open;
    }

    Reply add(Map<String, String> req, String id) {
        String queue = req.get("queue");
        String iface = req.get("interface");
        if (blank(queue)) {
            return Reply.error(id, "'Queue' not specified.");
        }
        if (blank(iface)) {
            return Reply.error(id, "'Interface' not specified.");
        }
        Map<String, String> member = new LinkedHashMap<>();
        LiveState.MemberResult r = state.addMember(queue, iface, req.get("membername"), req.get("stateinterface"),
                req.get("penalty"), epochMicros.getAsLong() / 1_000_000L, member);
        return switch (r) {
            case OK -> {
                AmiText events = deviceState(new AmiText(), queue, iface, false);
                appendMember(events, "QueueMemberAdded", queue, iface, member);
                yield new Reply(ack(id, "Added interface to queue"), events.bytes());
            }
            case EXISTS -> Reply.error(id, "Unable to add interface: Already there");
            case NO_SUCH_QUEUE -> Reply.error(id, "Unable to add interface to queue: No such queue");
            default -> Reply.error(id, "Out of memory");
        };
    }

    Reply remove(Map<String, String> req, String id) {
        String queue = req.get("queue");
        String iface = req.get("interface");
        if (blank(queue) || blank(iface)) {
            return Reply.error(id, "Need 'Queue' and 'Interface' parameters.");
        }
        Map<String, String> member = new LinkedHashMap<>();
        return switch (state.removeMember(queue, iface, member)) {
            case OK -> new Reply(ack(id, "Removed interface from queue"),
                    appendMember(new AmiText(), "QueueMemberRemoved", queue, iface, member).bytes());
            case NOT_THERE -> Reply.error(id, "Unable to remove interface: Not there");
            case NO_SUCH_QUEUE -> Reply.error(id, "Unable to remove interface from queue: No such queue");
            case NOT_DYNAMIC -> Reply.error(id, "Member not dynamic");
            default -> Reply.error(id, "Out of memory");
        };
    }

    Reply pause(Map<String, String> req, String id) {
        String iface = req.get("interface");
        String pausedValue = req.get("paused");
        if (blank(iface) || blank(pausedValue)) {
            return Reply.error(id, "Need 'Interface' and 'Paused' parameters.");
        }
        boolean paused = isTrue(pausedValue);
        Map<String, Map<String, String>> changed = state.pauseMember(req.get("queue"), iface, paused,
                req.get("reason"), epochMicros.getAsLong() / 1_000_000L);
        if (changed.isEmpty()) {
            return Reply.error(id, "Interface not found");
        }
        AmiText events = new AmiText();
        changed.forEach((queue, member) -> {
            deviceState(events, queue, iface, paused);
            appendMember(events, "QueueMemberPause", queue, iface, member);
        });
        return new Reply(ack(id, paused ? "Interface paused successfully" : "Interface unpaused successfully"),
                events.bytes());
    }

    Reply penalty(Map<String, String> req, String id) {
        String penalty = req.get("penalty");
        Map<String, String> member = blank(penalty) || !penalty.trim().matches("\\d{1,9}") ? null
                : state.penalty(req.get("queue"), req.get("interface"), penalty.trim());
        if (member == null) {
            return Reply.error(id, "Invalid interface, queuename or penalty");
        }
        return new Reply(ack(id, "Interface penalty set successfully"),
                appendMember(new AmiText(), "QueueMemberPenalty", req.get("queue"), req.get("interface"), member)
                        .bytes());
    }

    private AmiText appendMember(AmiText out, String name, String queue, String iface, Map<String, String> m) {
        return out.line("Event", name).line("Privilege", "agent,all")
                .line("Timestamp", AmiActions.micros(epochMicros.getAsLong()))
                .line("Queue", queue).line("MemberName", m.get("Name")).line("Interface", iface)
                .line("StateInterface", m.get("StateInterface")).line("Membership", m.get("Membership"))
                .line("Penalty", m.get("Penalty")).line("CallsTaken", m.get("CallsTaken"))
                .line("LastCall", m.get("LastCall")).line("LastPause", m.get("LastPause"))
                .line("LoginTime", m.get("LoginTime")).line("InCall", m.get("InCall"))
                .line("Status", m.get("Status")).line("Paused", m.get("Paused"))
                .line("PausedReason", m.get("PausedReason")).line("Ringinuse", "0")
                .line("Wrapuptime", m.get("Wrapuptime")).end();
    }

    /** The member's pause device: INUSE while paused. */
    private AmiText deviceState(AmiText out, String queue, String iface, boolean paused) {
        return out.line("Event", "DeviceStateChange").line("Privilege", "call,all")
                .line("Timestamp", AmiActions.micros(epochMicros.getAsLong()))
                .line("Device", "Queue:" + queue + "_pause_" + iface).line("State", paused ? "INUSE" : "NOT_INUSE")
                .end();
    }

    private static byte[] ack(String id, String message) {
        return new AmiText().line("Response", "Success").actionId(id).line("Message", message).end().bytes();
    }

    /** Asterisk's ast_true. */
    private static boolean isTrue(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("y") || s.equals("t") || s.equals("1")
                || s.equals("on");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
