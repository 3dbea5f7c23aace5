package kz.line102.cti.ami;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallEventSink;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Squares the tracker with what the PBX has after a gap in the link. Nothing from the gap
 * is replayed by Asterisk, so: a call we know that is gone ended while we were away; a
 * call we do not know began while we were away. Each decision runs on the call's lane,
 * after every event of that call received before the snapshot, so it never races them.
 * Ids of inferred events are derived without a time, so a second resync of the same call
 * yields the same id and the consumer keeps one. Everything it sends is
 * {@link EventSource#INFERRED} (the answer's time is the resync's, its hold a placeholder
 * 0): the consumer lets an observed or logged fact of the same call win over it.
 */
final class CallResync {

    private static final Logger log = LoggerFactory.getLogger(CallResync.class);

    private final AmiEventTranslator translator;
    private final BiConsumer<String, Runnable> lanes;
    private final Clock clock;

    CallResync(AmiEventTranslator translator, BiConsumer<String, Runnable> lanes, Clock clock) {
        this.translator = translator;
        this.lanes = lanes;
        this.clock = clock;
    }

    /** Queues the resync work on the lanes; returns how many calls were looked at. */
    int apply(PbxSnapshot snapshot) {
        Instant now = clock.instant();
        Map<String, List<PbxSnapshot.Channel>> byCall = snapshot.channels().stream()
                .filter(c -> c.linkedId() != null)
                .collect(Collectors.groupingBy(PbxSnapshot.Channel::linkedId));
        Map<String, PbxSnapshot.Waiting> waiting = new HashMap<>();
        snapshot.waiting().forEach(w -> waiting.put(w.uniqueId(), w));
        CallTracker tracker = translator.tracker();
        int looked = 0;
        for (TrackedCall known : tracker.calls()) {
            if (!byCall.containsKey(known.linkedId)) {
                looked++;
                lanes.accept(known.linkedId, () -> endIfStillGone(known, snapshot.requestedNanos(), now));
            }
        }
        for (Map.Entry<String, List<PbxSnapshot.Channel>> call : byCall.entrySet()) {
            looked++;
            lanes.accept(call.getKey(), () -> recover(call.getKey(), call.getValue(), waiting, now));
        }
        return looked;
    }

    private void endIfStillGone(TrackedCall call, long requestedNanos, Instant now) {
        CallTracker tracker = translator.tracker();
        // Gone already (its Hangup was handled), or heard of after the question was asked.
        if (tracker.get(call.linkedId) != call || call.lastReceivedNanos > requestedNanos) {
            return;
        }
        translator.endUnobserved(call, now);
    }

    private void recover(String linkedId, List<PbxSnapshot.Channel> channels, Map<String, PbxSnapshot.Waiting> waiting,
                         Instant now) {
        CallTracker tracker = translator.tracker();
        TrackedCall known = tracker.get(linkedId);
        if (known != null) {
            known.touch(known.lastReceivedNanos);
            return;
        }
        PbxSnapshot.Channel caller = channels.stream().filter(PbxSnapshot.Channel::opensCall).findFirst()
                .orElse(null);
        if (caller == null || !translator.inboundContexts().contains(caller.context())
                || tracker.recentlyEnded(linkedId)) {
            return;
        }
        String pbx = translator.pbx();
        CallEventSink sink = translator.sink();
        TrackedCall call = new TrackedCall(linkedId, CallId.derive(pbx, linkedId), 0);
        tracker.put(call);
        log.info("callId={} found by resync on {} ({} old): it began while the AMI link was down", call.callId,
                caller.channel(), caller.age());
        sink.accept(new CallOffered(EventId.derive(pbx, linkedId, "CallOffered", "resync"), call.callId,
                now.minus(caller.age()), AmiValues.orNull(caller.callerNumber()),
                AmiValues.orNull(caller.callerName()), AmiValues.orNull(caller.exten()), false,
                EventSource.INFERRED));
        PbxSnapshot.Waiting inQueue = waiting.get(caller.uniqueId());
        if (inQueue != null) {
            sink.accept(new CallQueued(EventId.derive(pbx, linkedId, "CallQueued", "resync", inQueue.queue()),
                    call.callId, now.minusSeconds(inQueue.waitSeconds()), inQueue.queue(), inQueue.position(),
                    EventSource.INFERRED));
        }
        if (caller.bridgeId() == null || caller.bridgeId().isBlank()) {
            return;
        }
        channels.stream()
                .filter(c -> !c.opensCall() && Objects.equals(c.bridgeId(), caller.bridgeId()))
                .findFirst()
                .ifPresent(op -> sink.accept(new CallAnswered(
                        EventId.derive(pbx, linkedId, "CallAnswered", "resync", op.uniqueId()), call.callId, now,
                        caller.queue(), AmiValues.endpoint(op.channel()), 0, 0, EventSource.INFERRED)));
    }
}
