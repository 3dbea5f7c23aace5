package kz.line102.recorder.catalog;

import java.time.Instant;

import kz.line102.recorder.InvalidRequestException;

/**
 * An archive search. Every filter is optional; results are newest call first.
 *
 * @param from         calls at or after this time
 * @param to           calls before this time
 * @param callerNumber the caller's number exactly as stored
 * @param operator     the answering operator: the extension, or the user signed in at it
 * @param callId       one call
 * @param incidentId   one incident
 * @param orphan       true: only recordings no call was found for; false: only the others; null: all
 * @param size         page size, 1..500
 * @param after        the {@link RecordingPage#next()} cursor of the previous page, or null for the first
 */
public record RecordingQuery(Instant from, Instant to, String callerNumber, String operator,
                             String callId, String incidentId, Boolean orphan, int size, String after) {

    public static final int MAX_SIZE = 500;

    public RecordingQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("page size must be 1.." + MAX_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("'from' must be before 'to'");
        }
    }

    /** The query without the orphan filter (every recording). */
    public RecordingQuery(Instant from, Instant to, String callerNumber, String operator, String callId,
                          String incidentId, int size, String after) {
        this(from, to, callerNumber, operator, callId, incidentId, null, size, after);
    }

    public static RecordingQuery all(int size) {
        return new RecordingQuery(null, null, null, null, null, null, null, size, null);
    }

    public RecordingQuery orphan(Boolean value) {
        return new RecordingQuery(from, to, callerNumber, operator, callId, incidentId, value, size, after);
    }

    public RecordingQuery between(Instant fromValue, Instant toValue) {
        return new RecordingQuery(fromValue, toValue, callerNumber, operator, callId, incidentId, orphan, size, after);
    }

    public RecordingQuery callerNumber(String value) {
        return new RecordingQuery(from, to, value, operator, callId, incidentId, orphan, size, after);
    }

    public RecordingQuery operator(String value) {
        return new RecordingQuery(from, to, callerNumber, value, callId, incidentId, orphan, size, after);
    }

    public RecordingQuery callId(String value) {
        return new RecordingQuery(from, to, callerNumber, operator, value, incidentId, orphan, size, after);
    }

    public RecordingQuery incidentId(String value) {
        return new RecordingQuery(from, to, callerNumber, operator, callId, value, orphan, size, after);
    }

    public RecordingQuery after(String cursor) {
        return new RecordingQuery(from, to, callerNumber, operator, callId, incidentId, orphan, size, cursor);
    }
}
