package kz.line102.cti.ami;

import kz.line102.cti.LogMask;
import static kz.line102.cti.ami.AmiValues.at;
import static kz.line102.cti.ami.AmiValues.extension;
import static kz.line102.cti.ami.AmiValues.intOr0;
import static kz.line102.cti.ami.AmiValues.orNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import kz.line102.cti.CallAbandoned;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEventSink;
import kz.line102.cti.CallId;
import kz.line102.cti.CallLeftQueue;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.EventSource;
import kz.line102.cti.OperatorMissed;
import kz.line102.cti.OperatorRang;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MixMonitorStartEvent;
import org.asteriskjava.manager.event.MixMonitorStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the AMI events of one call into {@link kz.line102.cti.CallEvent}s. Runs on the
 * call's lane, so per call it sees events in PBX order and needs no lock. Event ids are
 * derived from the PBX, the Linkedid, the type and the AMI Timestamp, so translating the
 * same AMI event again yields the same id.
 */
final class AmiEventTranslator {

    private static final Logger log = LoggerFactory.getLogger(AmiEventTranslator.class);
    static final String FILE_VARIABLE = "MIXMONITOR_FILENAME";

    private final String pbx;
    private final Set<String> inboundContexts;
    private final CallTracker tracker;
    private final CallEventSink sink;
    private final Clock clock;
    private final java.util.function.Consumer<String> unknownCall;

    AmiEventTranslator(String pbx, Set<String> inboundContexts, CallTracker tracker, CallEventSink sink, Clock clock) {
        this(pbx, inboundContexts, tracker, sink, clock, linkedId -> { });
    }

    /**
     * {@code unknownCall} hears the Linkedid of an event that only a call to the line has
     * (a queue or recording event) when the call was never seen to begin: its first events
     * were lost (asterisk-java's full queue, a discarded block), so it must be recovered from
     * the PBX rather than losing everything it does from now on.
     */
    AmiEventTranslator(String pbx, Set<String> inboundContexts, CallTracker tracker, CallEventSink sink, Clock clock,
                       java.util.function.Consumer<String> unknownCall) {
        this.unknownCall = unknownCall;
        this.pbx = pbx;
        this.inboundContexts = inboundContexts;
        this.tracker = tracker;
        this.sink = sink;
        this.clock = clock;
    }

    /** {@code receivedNanos} is when the event came off the socket (System.nanoTime). */
    void translate(ManagerEvent e, long receivedNanos) {
        String linkedId = AmiValues.linkedId(e);
        if (linkedId == null) {
            return;
        }
        TrackedCall call = tracker.get(linkedId);
        if (call == null) {
            if (e instanceof NewChannelEvent n) {
                offer(n, linkedId, receivedNanos);
            } else if (e instanceof AgentCompleteEvent a && tracker.recentlyEnded(linkedId)) {
                // Asterisk may send AgentComplete just after the caller's Hangup: it still says
                // who hung up and the PBX's own talk time, so it belongs to the ended call.
                completeEnded(linkedId, a, receivedNanos);
            } else if (onlyOfALineCall(e) && !tracker.recentlyEnded(linkedId)) {
                unknownCall.accept(linkedId);
            }
            return;
        }
        call.touch(receivedNanos);
        Instant at = at(e, clock);
        if (e instanceof VarSetEvent v) {
            if (FILE_VARIABLE.equals(v.getVariable()) && v.getValue() != null) {
                call.announcedFiles.put(v.getUniqueId(), v.getValue());
            }
        } else if (e instanceof MixMonitorStartEvent m) {
            String file = call.announcedFiles.remove(m.getUniqueId());
            if (file == null) {
                log.warn("callId={} MixMonitorStart without {} on {}: recording file unknown", call.callId,
                        FILE_VARIABLE, m.getChannel());
            }
            call.recordings.put(m.getUniqueId(), file);
            sink.accept(new RecordingStarted(id(call, e, "RecordingStarted", m.getUniqueId()), call.callId, at, file));
        } else if (e instanceof MixMonitorStopEvent m) {
            if (call.recordings.containsKey(m.getUniqueId())) {
                finishRecording(call, m.getUniqueId(), id(call, e, "RecordingFinished", m.getUniqueId()), at);
            }
        } else if (e instanceof QueueCallerJoinEvent q) {
            sink.accept(new CallQueued(id(call, e, "CallQueued", q.getQueue()), call.callId, at, q.getQueue(),
                    intOr0(q.getPosition())));
        } else if (e instanceof AgentCalledEvent a) {
            String op = extension(a.getInterface(), a.getMemberName());
            sink.accept(new OperatorRang(id(call, e, "OperatorRang", op), call.callId, at, a.getQueue(), op,
                    a.getMemberName()));
        } else if (e instanceof AgentRingNoAnswerEvent a) {
            String op = extension(a.getInterface(), a.getMemberName());
            sink.accept(new OperatorMissed(id(call, e, "OperatorMissed", op), call.callId, at, a.getQueue(), op,
                    a.getRingtime() == null ? 0 : a.getRingtime()));
        } else if (e instanceof QueueCallerLeaveEvent q) {
            sink.accept(new CallLeftQueue(id(call, e, "CallLeftQueue", q.getQueue()), call.callId, at, q.getQueue(),
                    intOr0(q.getPosition()), intOr0(q.getCount())));
        } else if (e instanceof AgentConnectEvent a) {
            String op = extension(a.getInterface(), a.getMemberName());
            sink.accept(new CallAnswered(id(call, e, "CallAnswered", op), call.callId, at, a.getQueue(), op,
                    intOr0(a.getHoldTime()), intOr0(a.getRingtime())));
        } else if (e instanceof QueueCallerAbandonEvent q) {
            sink.accept(new CallAbandoned(id(call, e, "CallAbandoned", q.getQueue()), call.callId, at, q.getQueue(),
                    intOr0(q.getPosition()), intOr0(q.getOriginalPosition()), intOr0(q.getHoldTime())));
        } else if (e instanceof AgentCompleteEvent a) {
            String op = extension(a.getInterface(), a.getMemberName());
            sink.accept(new CallCompleted(id(call, e, "CallCompleted", op), call.callId, at, a.getQueue(), op,
                    intOr0(a.getHoldTime()), intOr0(a.getTalkTime()), a.getReason()));
        } else if (e instanceof HangupEvent h) {
            hangup(call, h, at);
        }
    }

    private void completeEnded(String linkedId, AgentCompleteEvent a, long receivedNanos) {
        TrackedCall ended = new TrackedCall(linkedId, CallId.derive(pbx, linkedId), receivedNanos);
        String op = extension(a.getInterface(), a.getMemberName());
        sink.accept(new CallCompleted(id(ended, a, "CallCompleted", op), ended.callId, at(a, clock), a.getQueue(), op,
                intOr0(a.getHoldTime()), intOr0(a.getTalkTime()), a.getReason()));
    }

    /** Events an operator's own or an outgoing call never has: a caller in a queue, or its recording. */
    private static boolean onlyOfALineCall(ManagerEvent e) {
        return e instanceof QueueCallerJoinEvent || e instanceof AgentCalledEvent || e instanceof AgentConnectEvent
                || e instanceof QueueCallerLeaveEvent || e instanceof QueueCallerAbandonEvent
                || e instanceof AgentRingNoAnswerEvent || e instanceof MixMonitorStartEvent;
    }

    private void offer(NewChannelEvent n, String linkedId, long receivedNanos) {
        if (!linkedId.equals(n.getUniqueId()) || !inboundContexts.contains(n.getContext())
                || tracker.recentlyEnded(linkedId)) {
            return;
        }
        TrackedCall call = new TrackedCall(linkedId, CallId.derive(pbx, linkedId), receivedNanos);
        tracker.put(call);
        log.info("callId={} offered from {} on {}", call.callId, LogMask.number(orNull(n.getCallerIdNum())),
                n.getChannel());
        sink.accept(new CallOffered(id(call, n, "CallOffered", n.getUniqueId()), call.callId, at(n, clock),
                orNull(n.getCallerIdNum()), orNull(n.getCallerIdName()), orNull(n.getExten()), true));
    }

    private void hangup(TrackedCall call, HangupEvent h, Instant at) {
        String uniqueId = h.getUniqueId();
        if (!call.callerUniqueId.equals(uniqueId)) {
            // An operator leg: the call goes on, but a recording made on that leg is closed.
            if (call.recordings.containsKey(uniqueId)) {
                finishRecording(call, uniqueId, id(call, h, "RecordingFinished", uniqueId), at);
            }
            return;
        }
        int cause = intOr0(h.getCause());
        // asterisk-java maps the literal "Unknown" to null; Asterisk only sends that text for it.
        String causeText = h.getCauseTxt() == null ? "Unknown" : h.getCauseTxt();
        sink.accept(new CallEnded(id(call, h, "CallEnded", uniqueId), call.callId, at, cause, causeText, true));
        for (String channel : new ArrayList<>(call.recordings.keySet())) {
            finishRecording(call, channel, id(call, h, "RecordingFinished", channel), at);
        }
        tracker.forget(call);
        log.info("callId={} ended, cause {}", call.callId, cause);
    }

    /** Ends a call the PBX no longer has (resync): nothing was observed, {@code at} is the resync time. */
    void endUnobserved(TrackedCall call, Instant at) {
        sink.accept(new CallEnded(EventId.derive(pbx, call.linkedId, "CallEnded", "resync"), call.callId, at, 0,
                null, false));
        for (Map.Entry<String, String> r : Map.copyOf(call.recordings).entrySet()) {
            call.recordings.remove(r.getKey());
            sink.accept(new RecordingFinished(EventId.derive(pbx, call.linkedId, "RecordingFinished", "resync",
                    r.getKey()), call.callId, at, r.getValue(), EventSource.INFERRED));
        }
        tracker.forget(call);
        log.info("callId={} ended while the AMI link was down (resync)", call.callId);
    }

    private void finishRecording(TrackedCall call, String channel, EventId id, Instant at) {
        String file = call.recordings.remove(channel);
        sink.accept(new RecordingFinished(id, call.callId, at, file));
    }

    private EventId id(TrackedCall call, ManagerEvent e, String type, String discriminator) {
        Double ts = e.getTimestamp();
        String when = ts != null ? ts.toString() : "n" + call.nextOrdinal(type + "/" + discriminator);
        return EventId.derive(pbx, call.linkedId, type, String.valueOf(discriminator), when);
    }

    String pbx() {
        return pbx;
    }

    Set<String> inboundContexts() {
        return inboundContexts;
    }

    CallTracker tracker() {
        return tracker;
    }

    CallEventSink sink() {
        return sink;
    }
}
