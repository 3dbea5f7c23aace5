package kz.line102.callcenter.call;

import java.time.Instant;

/**
 * A search over calls. {@code numberRaw} is the number as typed, {@code numberE164}
 * its normalised form when it has one; {@code inProgress} asks for calls with no
 * outcome yet; {@code operator} is the extension that answered or the user signed in there at the answer.
 */
public record CallQuery(Instant from, Instant to, String numberRaw, String numberE164, CallOutcome outcome,
                        boolean inProgress, String operator, int page, int size) {
}
