package kz.line102.callcenter.call;

import java.time.Instant;

/**
 * A search over calls. {@code numberRaw} is the number as typed, {@code numberE164}
 * its normalised form when it has one; {@code inProgress} asks for calls with no
 * outcome yet; {@code operator} is the extension that answered or the user signed in there at the answer.
 * {@code testCalls}: line health's synthetic calls are left out unless asked for, so
 * no list or count of the centre's calls shows them by default.
 */
public record CallQuery(Instant from, Instant to, String numberRaw, String numberE164, CallOutcome outcome,
                        boolean inProgress, String operator, int page, int size, boolean testCalls) {

    public CallQuery(Instant from, Instant to, String numberRaw, String numberE164, CallOutcome outcome,
                     boolean inProgress, String operator, int page, int size) {
        this(from, to, numberRaw, numberE164, outcome, inProgress, operator, page, size, false);
    }
}
