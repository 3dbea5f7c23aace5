package kz.line102.cti.replay;

/**
 * A token of a capture that each replay instance replaces with a fresh value.
 *
 * @param kind         what the token is, which decides how a fresh one is made
 * @param original     the token as captured (also the key tests use to look up the fresh value)
 * @param offsetMicros for times (and the epoch part of Uniqueids): distance from the scenario's
 *                     first event, so the fresh value keeps the captured spacing
 */
record VariableSpec(Kind kind, String original, long offsetMicros) {

    enum Kind {
        /** {@code <epoch>.<seq>}: Uniqueid, Linkedid and wherever they are embedded. */
        UNIQUEID,
        /** {@code PJSIP/pstn-0000000N}: the numeric suffix is renewed, the endpoint kept. */
        CHANNEL,
        /** Bridge ids and other UUIDs. */
        UUID,
        /** A caller number; renewed with the same shape. */
        CALLER,
        /** An operator's extension ({@code 1001} in {@code PJSIP/1001}); kept unless the play maps it. */
        OPERATOR,
        /** {@code 2026-11-22 23:36:08} as in Cdr StartTime. */
        CDR_TIME,
        /** {@code 20261122-233608} as in MixMonitor file names. */
        FILE_TIME,
        /** {@code 2026-11-22T23:36:07.748+0000} as in EventTV. */
        ISO_TIME,
        /** {@code 1795390623.673607} as in RTCP SentNTP. */
        EPOCH_MICROS,
        /** {@code 1795390530} as in queue member LoginTime or LastCall. */
        EPOCH_SECONDS
    }
}
