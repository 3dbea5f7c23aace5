package kz.line102.callcenter.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.cti.CallAbandoned;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallLeftQueue;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventSource;
import kz.line102.cti.OperatorMissed;
import kz.line102.cti.OperatorRang;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a call record from all the events of one call, whatever order they were
 * committed in: several consumers share the stream, so a call's end may be stored
 * before its start. Wait and talk times are the PBX's own counts where it gave them.
 * The same fact may come from several sources (AMI live, the PBX's logs, an inference
 * after a gap): the strongest source wins ({@link EventSource}), so an inferred answer or
 * end never overrides an observed or logged one, whichever arrived first.
 */
public final class CallRecordProjector {

    private static final Logger log = LoggerFactory.getLogger(CallRecordProjector.class);

    /** Q.850 causes that mean the caller or the network simply cleared the call. */
    private static final Set<Integer> NORMAL_CAUSES = Set.of(0, 16, 17, 18, 19, 21, 31);

    private final PhoneNumbers numbers;

    public CallRecordProjector(PhoneNumbers numbers) {
        this.numbers = numbers;
    }

    public CallRecord project(CallId id, List<CallEvent> unordered) {
        return project(id, unordered, e -> { });
    }

    /** As {@link #project(CallId, List)}, telling {@code unprojected} of each event no case handles. */
    CallRecord project(CallId id, List<CallEvent> unordered, java.util.function.Consumer<CallEvent> unprojected) {
        List<CallEvent> events = new ArrayList<>(unordered);
        events.sort(Comparator.comparing(CallEvent::at));
        State s = new State();
        for (CallEvent e : events) {
            if (!s.apply(e)) {
                unprojected.accept(e);
                // Stored and kept; only the record misses it until a projector that knows it runs.
                log.error("callId={} event {} of type {} has no projection: the call record leaves it out",
                        id.value(), e.eventId().value(), e.type());
            }
        }
        NormalizedNumber number = numbers.normalize(s.callerNumber);
        EventSource source = s.source();
        return new CallRecord(id, s.callerNumber, number.e164(),
                s.offered == null ? null : number.status().code(), s.callerName, s.dialedNumber,
                s.queue, s.operator(), s.outcome(), s.offeredAt(), s.queuedAt(), s.answeredAt(), endedAt(s),
                s.waitSeconds(), s.talkSeconds(), s.hungUpBy(), s.ended == null ? null : s.ended.cause(),
                s.ended == null ? null : s.ended.causeText(), List.copyOf(s.missed),
                source == null || source == EventSource.OBSERVED, s.recordingFile(), s.recordingFinishedAt(),
                events.size(), source, s.answerSource(), s.ended == null ? null : s.ended.source());
    }

    private static Instant endedAt(State s) {
        return s.ended == null ? null : s.ended.at();
    }

    /** Whether {@code candidate} replaces {@code current}: a stronger source, or as strong and {@code later}. */
    private static boolean wins(CallEvent candidate, CallEvent current, boolean later) {
        if (current == null || candidate.source().stronger(current.source())) {
            return true;
        }
        return later && candidate.source() == current.source();
    }

    /** Walks the events in time order; later facts of the same strength refine earlier ones. */
    private static final class State {
        CallOffered offered;
        String callerNumber;
        String callerName;
        String dialedNumber;
        String queue;
        CallQueued queued;
        Instant leftQueueAt;
        CallAnswered answered;
        CallAbandoned abandoned;
        CallCompleted completed;
        CallEnded ended;
        final List<String> missed = new ArrayList<>();
        RecordingStarted recording;
        RecordingFinished recordingFinished;

        /** Returns false for a type with no case here (ProjectorCoverageTest keeps that from shipping). */
        boolean apply(CallEvent event) {
            if (event instanceof CallOffered e) {
                if (wins(e, offered, false)) {
                    offered = e;
                    callerNumber = e.callerNumber();
                    callerName = e.callerName();
                    dialedNumber = e.dialedNumber();
                }
            } else if (event instanceof CallQueued e) {
                if (wins(e, queued, false)) {
                    queued = e;
                }
                queue = e.queue();
            } else if (event instanceof OperatorRang e) {
                queue = orElse(e.queue(), queue);
            } else if (event instanceof OperatorMissed e) {
                if (!missed.contains(e.operator())) {
                    missed.add(e.operator());
                }
            } else if (event instanceof CallLeftQueue e) {
                leftQueueAt = e.at();
            } else if (event instanceof CallAnswered e) {
                if (wins(e, answered, true)) {
                    answered = e;
                    queue = orElse(e.queue(), queue);
                }
            } else if (event instanceof CallAbandoned e) {
                if (wins(e, abandoned, true)) {
                    abandoned = e;
                    queue = orElse(e.queue(), queue);
                }
            } else if (event instanceof CallCompleted e) {
                if (wins(e, completed, true)) {
                    completed = e;
                }
            } else if (event instanceof CallEnded e) {
                if (wins(e, ended, false)) {
                    ended = e;
                }
            } else if (event instanceof RecordingStarted e) {
                if (wins(e, recording, true)) {
                    recording = e;
                }
            } else if (event instanceof RecordingFinished e) {
                if (wins(e, recordingFinished, true)) {
                    recordingFinished = e;
                }
            } else {
                return false;
            }
            return true;
        }

        Instant offeredAt() {
            return offered != null ? offered.at() : null;
        }

        Instant queuedAt() {
            return queued != null ? queued.at() : null;
        }

        Instant answeredAt() {
            return answered != null ? answered.at() : null;
        }

        String operator() {
            String op = answered != null ? answered.operator() : null;
            if (completed != null && (op == null || completed.source().stronger(answered.source()))) {
                op = orElse(completed.operator(), op);
            }
            return op;
        }

        String hungUpBy() {
            return completed != null ? completed.hungUpBy() : null;
        }

        String recordingFile() {
            if (recording != null && recording.fileName() != null) {
                return recording.fileName();
            }
            return recordingFinished != null ? recordingFinished.fileName() : null;
        }

        Instant recordingFinishedAt() {
            return recordingFinished != null ? recordingFinished.at() : null;
        }

        /** The source of the answer, or of the abandon when nobody answered. */
        EventSource answerSource() {
            if (answered != null) {
                return answered.source();
            }
            return abandoned != null ? abandoned.source() : null;
        }

        /** The weakest source among the facts the record shows; null before the call is known. */
        EventSource source() {
            if (offered == null && ended == null) {
                return null;
            }
            EventSource s = EventSource.OBSERVED;
            for (CallEvent e : new CallEvent[] {offered, queued, answered, abandoned, completed, ended}) {
                if (e != null) {
                    s = s.weakest(e.source());
                }
            }
            return s;
        }

        CallOutcome outcome() {
            if (answered != null) {
                return ended != null || completed != null ? CallOutcome.ANSWERED : null;
            }
            if (completed != null) {
                // The PBX's end of a conversation proves an answer even if the answer itself was lost.
                return CallOutcome.ANSWERED;
            }
            if (abandoned != null) {
                return CallOutcome.ABANDONED;
            }
            if (ended == null) {
                return null;
            }
            if (queued != null && leftQueueAt != null && ended.observed()) {
                return CallOutcome.TIMED_OUT;
            }
            if (!ended.observed() || NORMAL_CAUSES.contains(ended.cause())) {
                // The caller gave up before an operator took the call (in the greeting, or
                // while we could not see the queue).
                return CallOutcome.ABANDONED;
            }
            return CallOutcome.FAILED;
        }

        Integer waitSeconds() {
            // The PBX's own count, from the strongest of the events that carry it: a resync's
            // placeholder hold of 0 gives way to the logged or observed one.
            CallEvent best = null;
            int hold = 0;
            if (answered != null && answered.holdSeconds() >= 0) {
                best = answered;
                hold = answered.holdSeconds();
            }
            if (completed != null && (best == null || completed.source().stronger(best.source()))) {
                best = completed;
                hold = completed.holdSeconds();
            }
            if (best == null && abandoned != null) {
                best = abandoned;
                hold = abandoned.holdSeconds();
            }
            if (best != null) {
                return hold;
            }
            if (queued != null) {
                Instant until = leftQueueAt != null ? leftQueueAt
                        : ended != null && ended.observed() ? ended.at() : null;
                return until == null ? null : seconds(queued.at(), until);
            }
            return null;
        }

        Integer talkSeconds() {
            if (completed != null) {
                return completed.talkSeconds();
            }
            if (answered != null && ended != null) {
                return seconds(answered.at(), ended.at());
            }
            return answered != null ? null : (ended != null ? 0 : null);
        }

        private static int seconds(Instant from, Instant to) {
            return (int) Math.max(0, Math.round(Duration.between(from, to).toMillis() / 1000.0));
        }

        private static String orElse(String value, String fallback) {
            return value != null ? value : fallback;
        }
    }
}
