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
import kz.line102.cti.OperatorMissed;
import kz.line102.cti.OperatorRang;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;

/**
 * Builds a call record from all the events of one call, whatever order they were
 * committed in: several consumers share the stream, so a call's end may be stored
 * before its start. Wait and talk times are the PBX's own counts where it gave them.
 */
public final class CallRecordProjector {

    /** Q.850 causes that mean the caller or the network simply cleared the call. */
    private static final Set<Integer> NORMAL_CAUSES = Set.of(0, 16, 17, 18, 19, 21, 31);

    private final PhoneNumbers numbers;

    public CallRecordProjector(PhoneNumbers numbers) {
        this.numbers = numbers;
    }

    public CallRecord project(CallId id, List<CallEvent> unordered) {
        List<CallEvent> events = new ArrayList<>(unordered);
        events.sort(Comparator.comparing(CallEvent::at));
        State s = new State();
        for (CallEvent e : events) {
            s.apply(e);
        }
        NormalizedNumber number = numbers.normalize(s.callerNumber);
        return new CallRecord(id, s.callerNumber, number.e164(),
                s.offered == null ? null : number.status().code(), s.callerName, s.dialedNumber,
                s.queue, s.operator, s.outcome(), s.offeredAt(), s.queuedAt, s.answeredAt, endedAt(s),
                s.waitSeconds(), s.talkSeconds(), s.hungUpBy, s.ended == null ? null : s.ended.cause(),
                s.ended == null ? null : s.ended.causeText(), List.copyOf(s.missed), s.fullyObserved,
                s.recordingFile, s.recordingFinishedAt, events.size());
    }

    private static Instant endedAt(State s) {
        return s.ended == null ? null : s.ended.at();
    }

    /** Walks the events in time order; later facts refine earlier ones. */
    private static final class State {
        CallOffered offered;
        String callerNumber;
        String callerName;
        String dialedNumber;
        String queue;
        String operator;
        Instant queuedAt;
        Instant leftQueueAt;
        Instant answeredAt;
        CallAnswered answered;
        CallAbandoned abandoned;
        CallCompleted completed;
        CallEnded ended;
        String hungUpBy;
        final List<String> missed = new ArrayList<>();
        boolean fullyObserved = true;
        String recordingFile;
        Instant recordingFinishedAt;

        void apply(CallEvent event) {
            if (event instanceof CallOffered e) {
                if (offered == null || (e.observed() && !offered.observed())) {
                    offered = e;
                    callerNumber = e.callerNumber();
                    callerName = e.callerName();
                    dialedNumber = e.dialedNumber();
                }
                fullyObserved &= e.observed();
            } else if (event instanceof CallQueued e) {
                queue = e.queue();
                if (queuedAt == null) {
                    queuedAt = e.at();
                }
            } else if (event instanceof OperatorRang e) {
                queue = orElse(e.queue(), queue);
            } else if (event instanceof OperatorMissed e) {
                if (!missed.contains(e.operator())) {
                    missed.add(e.operator());
                }
            } else if (event instanceof CallLeftQueue e) {
                leftQueueAt = e.at();
            } else if (event instanceof CallAnswered e) {
                answered = e;
                answeredAt = e.at();
                operator = e.operator();
                queue = orElse(e.queue(), queue);
            } else if (event instanceof CallAbandoned e) {
                abandoned = e;
                queue = orElse(e.queue(), queue);
            } else if (event instanceof CallCompleted e) {
                completed = e;
                hungUpBy = e.hungUpBy();
                operator = orElse(e.operator(), operator);
            } else if (event instanceof CallEnded e) {
                if (ended == null || (e.observed() && !ended.observed())) {
                    ended = e;
                }
                fullyObserved &= e.observed();
            } else if (event instanceof RecordingStarted e) {
                recordingFile = e.fileName();
            } else if (event instanceof RecordingFinished e) {
                recordingFile = orElse(recordingFile, e.fileName());
                recordingFinishedAt = e.at();
            }
        }

        Instant offeredAt() {
            return offered != null ? offered.at() : null;
        }

        CallOutcome outcome() {
            if (answered != null) {
                return ended != null || completed != null ? CallOutcome.ANSWERED : null;
            }
            if (abandoned != null) {
                return CallOutcome.ABANDONED;
            }
            if (ended == null) {
                return null;
            }
            if (queuedAt != null && leftQueueAt != null && ended.observed()) {
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
            if (answered != null && answered.holdSeconds() >= 0) {
                return answered.holdSeconds();
            }
            if (abandoned != null) {
                return abandoned.holdSeconds();
            }
            if (completed != null) {
                return completed.holdSeconds();
            }
            if (queuedAt != null) {
                Instant until = leftQueueAt != null ? leftQueueAt : ended != null ? ended.at() : null;
                return until == null ? null : seconds(queuedAt, until);
            }
            return null;
        }

        Integer talkSeconds() {
            if (completed != null) {
                return completed.talkSeconds();
            }
            if (answeredAt != null && ended != null) {
                return seconds(answeredAt, ended.at());
            }
            return answeredAt != null ? null : (ended != null ? 0 : null);
        }

        private static int seconds(Instant from, Instant to) {
            return (int) Math.max(0, Math.round(Duration.between(from, to).toMillis() / 1000.0));
        }

        private static String orElse(String value, String fallback) {
            return value != null ? value : fallback;
        }
    }
}
