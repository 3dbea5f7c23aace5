package kz.line102.callcenter.pbxlog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.cti.CallAbandoned;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallLeftQueue;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.EventSource;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;

/**
 * Turns the rows Asterisk logged for one call into ordinary call events, the way the
 * bridge turns AMI events into them: the same {@link CallId} (derived from the PBX and
 * the Linkedid, as the bridge does), and event ids derived from the rows themselves, so
 * reading the same rows again, on any node, yields the same events. The figures and
 * their sources are defined in {@code package-info.java}.
 */
final class PbxLogTranslator {

    private static final Pattern CAUSE = Pattern.compile("\"hangupcause\"\\s*:\\s*(\\d+)");
    private static final Map<Integer, String> CAUSE_TEXT = Map.ofEntries(
            Map.entry(0, "Unknown"), Map.entry(1, "Unallocated (unassigned) number"),
            Map.entry(16, "Normal Clearing"), Map.entry(17, "User busy"), Map.entry(18, "No user responding"),
            Map.entry(19, "User alerting, no answer"), Map.entry(21, "Call Rejected"),
            Map.entry(27, "Destination out of order"), Map.entry(31, "Normal, unspecified"),
            Map.entry(34, "Circuit/channel congestion"), Map.entry(38, "Network out of order"),
            Map.entry(41, "Temporary failure"), Map.entry(127, "Interworking, unspecified"));
    static final String CRASH_END_TEXT = "the PBX restarted without ending the call: end inferred from its last log row";

    private final String pbx;
    private final Set<String> inboundContexts;

    PbxLogTranslator(String pbx, Set<String> inboundContexts) {
        this.pbx = pbx;
        this.inboundContexts = Set.copyOf(inboundContexts);
    }

    CallId callId(String linkedId) {
        return CallId.derive(pbx, linkedId);
    }

    /**
     * The events of one call, or none when it is not a call of ours (no caller channel in
     * an inbound context). {@code pbxStarts} are the PBX's start times (QUEUESTART): a call
     * with no logged end and a start after its last row was cut by a crash.
     */
    List<CallEvent> translate(LogRows rows, List<Instant> pbxStarts) {
        LogRows.Cel start = first(rows, "CHAN_START", true);
        LogRows.Cdr cdr = rows.cdr();
        if (start == null && cdr == null) {
            return List.of();
        }
        String context = start != null ? start.context() : cdr.dcontext();
        if (!inboundContexts.contains(context)) {
            return List.of();
        }
        String linkedId = rows.linkedId();
        CallId call = callId(linkedId);
        List<CallEvent> events = new ArrayList<>();
        if (start != null) {
            events.add(new CallOffered(id(linkedId, "CallOffered"), call, start.at(), text(start.cidNum()),
                    text(start.cidName()), text(start.exten()), true, EventSource.LOGGED));
        } else {
            events.add(new CallOffered(id(linkedId, "CallOffered"), call, cdr.start(), text(cdr.src()), null,
                    text(cdr.dst()), true, EventSource.LOGGED));
        }
        Map<String, Instant> recordings = recordings(rows, call, events);
        if (!rows.queueLog().isEmpty()) {
            queueLog(rows, call, events);
        } else {
            queueFromCel(rows, call, events);
        }
        CallEnded end = end(rows, call, pbxStarts);
        if (end != null) {
            events.add(end);
            recordings.forEach((file, at) -> events.add(new RecordingFinished(
                    id(linkedId, "RecordingFinished", file), call, end.at(), file, end.source())));
        }
        return events;
    }

    /** APP_START MixMonitor names the file (its appdata, before any options). */
    private Map<String, Instant> recordings(LogRows rows, CallId call, List<CallEvent> events) {
        Map<String, Instant> files = new LinkedHashMap<>();
        for (LogRows.Cel c : rows.cel()) {
            if ("APP_START".equals(c.eventType()) && "mixmonitor".equalsIgnoreCase(c.appName())
                    && text(c.appData()) != null) {
                String file = c.appData().split(",", 2)[0].trim();
                if (!file.isEmpty() && files.putIfAbsent(file, c.at()) == null) {
                    events.add(new RecordingStarted(id(rows.linkedId(), "RecordingStarted", file), call, c.at(), file,
                            EventSource.LOGGED));
                }
            }
        }
        return files;
    }

    private void queueLog(LogRows rows, CallId call, List<CallEvent> events) {
        String linkedId = rows.linkedId();
        Map<String, String> operators = new HashMap<>();
        for (LogRows.QueueLog q : rows.queueLog()) {
            String key = q.queue() + "@" + q.at();
            switch (q.event()) {
                case "ENTERQUEUE" -> events.add(new CallQueued(id(linkedId, "CallQueued", key), call, q.at(),
                        q.queue(), number(q.data(3)), EventSource.LOGGED));
                case "CONNECT" -> {
                    String op = operator(rows, q.data(2), q.agent());
                    operators.put(q.agent(), op);
                    events.add(new CallAnswered(id(linkedId, "CallAnswered", key), call, q.at(), q.queue(), op,
                            number(q.data(1)), number(q.data(3)), EventSource.LOGGED));
                }
                case "ABANDON" -> events.add(new CallAbandoned(id(linkedId, "CallAbandoned", key), call, q.at(),
                        q.queue(), number(q.data(1)), number(q.data(2)), number(q.data(3)), EventSource.LOGGED));
                case "EXITWITHTIMEOUT", "EXITEMPTY" -> events.add(new CallLeftQueue(id(linkedId, "CallLeftQueue",
                        key), call, q.at(), q.queue(), number(q.data(1)), 0, EventSource.LOGGED));
                case "EXITWITHKEY" -> events.add(new CallLeftQueue(id(linkedId, "CallLeftQueue", key), call, q.at(),
                        q.queue(), number(q.data(2)), 0, EventSource.LOGGED));
                case "COMPLETECALLER", "COMPLETEAGENT" -> events.add(new CallCompleted(
                        id(linkedId, "CallCompleted", key), call, q.at(), q.queue(),
                        operators.getOrDefault(q.agent(), q.agent()), number(q.data(1)), number(q.data(2)),
                        q.event().equals("COMPLETECALLER") ? "caller" : "agent", EventSource.LOGGED));
                case "TRANSFER" -> events.add(new CallCompleted(id(linkedId, "CallCompleted", key), call, q.at(),
                        q.queue(), operators.getOrDefault(q.agent(), q.agent()), number(q.data(3)),
                        number(q.data(4)), "transfer", EventSource.LOGGED));
                default -> {
                    // RINGNOANSWER names the member, not its phone; the other rows add nothing to a record.
                }
            }
        }
    }

    /** Without queue_log rows (not configured there), CEL alone still shows queue entry and answer. */
    private void queueFromCel(LogRows rows, CallId call, List<CallEvent> events) {
        LogRows.Cel queueStart = null;
        for (LogRows.Cel c : rows.cel()) {
            if (queueStart == null && c.onCaller() && "APP_START".equals(c.eventType())
                    && "queue".equalsIgnoreCase(c.appName())) {
                queueStart = c;
                events.add(new CallQueued(id(rows.linkedId(), "CallQueued", queueName(c) + "@" + c.at()), call,
                        c.at(), queueName(c), 0, EventSource.LOGGED));
            } else if (queueStart != null && !c.onCaller() && "ANSWER".equals(c.eventType())) {
                LogRows.Cel legStart = firstOf(rows, "CHAN_START", c.uniqueId());
                String op = endpoint(c.channel());
                events.add(new CallAnswered(id(rows.linkedId(), "CallAnswered", queueName(queueStart) + "@" + c.at()),
                        call, c.at(), queueName(queueStart), op, seconds(queueStart.at(), c.at()),
                        legStart == null ? 0 : seconds(legStart.at(), c.at()), EventSource.LOGGED));
                return;
            }
        }
    }

    /**
     * The caller channel's HANGUP (its cause in {@code extra}); else the call's LINKEDID_END;
     * else the CDR's end; else, when the PBX started again after the call's last row
     * without ending it (a crash), an inferred end at that last row.
     */
    private CallEnded end(LogRows rows, CallId call, List<Instant> pbxStarts) {
        String linkedId = rows.linkedId();
        LogRows.Cel hangup = first(rows, "HANGUP", true);
        if (hangup != null) {
            int cause = cause(hangup.extra());
            return new CallEnded(id(linkedId, "CallEnded"), call, hangup.at(), cause, causeText(cause), true,
                    EventSource.LOGGED);
        }
        LogRows.Cel last = first(rows, "LINKEDID_END", false);
        if (last != null) {
            return new CallEnded(id(linkedId, "CallEnded"), call, last.at(), 0, causeText(0), true,
                    EventSource.LOGGED);
        }
        if (rows.cdr() != null) {
            return new CallEnded(id(linkedId, "CallEnded"), call, rows.cdr().end(), 0, causeText(0), true,
                    EventSource.LOGGED);
        }
        Instant lastRow = rows.lastAt();
        for (Instant started : pbxStarts) {
            if (lastRow != null && started.isAfter(lastRow)) {
                return new CallEnded(id(linkedId, "CallEnded", "pbx-restart"), call, lastRow, 0, CRASH_END_TEXT,
                        false, EventSource.INFERRED);
            }
        }
        return null;
    }

    /** The operator: the phone of the leg that answered (CONNECT data2 is its uniqueid), else the member name. */
    private static String operator(LogRows rows, String legUniqueId, String memberName) {
        for (LogRows.Cel c : rows.cel()) {
            if (legUniqueId.equals(c.uniqueId()) && c.channel() != null && !c.channel().isBlank()) {
                return endpoint(c.channel());
            }
        }
        return memberName;
    }

    /** {@code PJSIP/1001-00000001} → {@code 1001}, {@code Local/1001@ctx-0000;1} → {@code 1001}. */
    static String endpoint(String channel) {
        String s = channel.substring(channel.indexOf('/') + 1);
        int dash = s.lastIndexOf('-');
        int at = s.indexOf('@');
        int end = at > 0 ? at : dash > 0 ? dash : s.length();
        return s.substring(0, end);
    }

    private static LogRows.Cel first(LogRows rows, String type, boolean callerOnly) {
        for (LogRows.Cel c : rows.cel()) {
            if (type.equals(c.eventType()) && (!callerOnly || c.onCaller())) {
                return c;
            }
        }
        return null;
    }

    private static LogRows.Cel firstOf(LogRows rows, String type, String uniqueId) {
        for (LogRows.Cel c : rows.cel()) {
            if (type.equals(c.eventType()) && uniqueId.equals(c.uniqueId())) {
                return c;
            }
        }
        return null;
    }

    private static String queueName(LogRows.Cel queueApp) {
        return queueApp.appData() == null ? null : queueApp.appData().split(",", 2)[0].trim();
    }

    static int cause(String extra) {
        if (extra == null) {
            return 0;
        }
        Matcher m = CAUSE.matcher(extra);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static String causeText(int cause) {
        return CAUSE_TEXT.getOrDefault(cause, "cause " + cause);
    }

    private static int number(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int seconds(Instant from, Instant to) {
        return (int) Math.max(0, Math.round(Duration.between(from, to).toMillis() / 1000.0));
    }

    /** Asterisk writes "" where a value is absent. */
    private static String text(String value) {
        return value == null || value.isBlank() || value.toLowerCase(Locale.ROOT).equals("<unknown>") ? null : value;
    }

    private EventId id(String linkedId, String type, String... discriminator) {
        String[] parts = new String[4 + discriminator.length];
        parts[0] = pbx;
        parts[1] = linkedId;
        parts[2] = type;
        parts[3] = "log";
        System.arraycopy(discriminator, 0, parts, 4, discriminator.length);
        return EventId.derive(parts);
    }
}
