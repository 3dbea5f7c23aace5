package kz.line102.callcenter.call.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.call.JdbcCallRepository.EventLine;

/**
 * A call as the API shows it; {@code events} only in the single-call view. {@code source}
 * ({@code observed}, {@code logged}, {@code inferred}) is the weakest source of what it
 * shows; {@code answerSource} and {@code endSource} that of the answer and of the end.
 */
record CallView(String id, String callerNumber, String callerNumberE164, String callerNumberStatus,
                String callerName, String queue, String operator, String operatorUser, String outcome, Instant offeredAt,
                Instant queuedAt, Instant answeredAt, Instant endedAt, Integer waitSeconds, Integer talkSeconds,
                String hungUpBy, Integer endCause, String endCauseText, List<String> missedOperators,
                boolean fullyObserved, String source, String answerSource, String endSource, Recording recording,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<EventLine> events) {

    static final String IN_PROGRESS = "in-progress";

    record Recording(String file, Instant finishedAt) {
    }

    static CallView of(CallRecord r, List<EventLine> events) {
        return new CallView(r.id().value(), r.callerNumber(), r.callerNumberE164(), r.callerNumberStatus(),
                r.callerName(), r.queue(), r.operator(), r.operatorUser(), r.outcome() == null ? IN_PROGRESS : r.outcome().code(),
                r.offeredAt(), r.queuedAt(), r.answeredAt(), r.endedAt(), r.waitSeconds(), r.talkSeconds(),
                r.hungUpBy(), r.endCause(), r.endCauseText(), r.missedOperators(), r.fullyObserved(),
                JdbcCallRepository.code(r.source()), JdbcCallRepository.code(r.answerSource()),
                JdbcCallRepository.code(r.endSource()),
                r.recordingFile() == null ? null : new Recording(r.recordingFile(), r.recordingFinishedAt()),
                events);
    }
}
