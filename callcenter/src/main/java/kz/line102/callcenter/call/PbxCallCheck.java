package kz.line102.callcenter.call;

import java.time.Instant;

import kz.line102.cti.CallId;

/**
 * Asks the PBX's side about a call before the sweeper closes it: whether the PBX still
 * has it up, or ended it (in which case the check has already completed the record with
 * what the PBX logged). Implemented where the PBX's durable logs are read.
 */
public interface PbxCallCheck {

    enum Answer {
        /** The PBX still has the call: it must not be closed. */
        UP,
        /** The PBX ended it, and the record now says so with the PBX's own end. */
        ENDED,
        /** Nothing to go by (no log of the call): the sweeper decides alone. */
        UNKNOWN
    }

    /** {@code offeredAt} is the record's, {@code now} the sweeper's clock. */
    Answer check(CallId call, Instant offeredAt, Instant now);
}
