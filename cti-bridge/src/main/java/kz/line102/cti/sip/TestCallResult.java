package kz.line102.cti.sip;

import java.util.List;
import java.util.Locale;

/**
 * How a synthetic test call went, step by step.
 *
 * @param outcome   {@link Outcome#PASSED} or what failed first
 * @param detail    one line for a log and a screen
 * @param sipStatus the INVITE's final status, 0 when none came
 * @param codec     the codec the far end answered with, null when it did not answer
 * @param rtp       what came back of the audio
 * @param steps     each step's time from the start, in order
 * @param sipCallId the SIP Call-ID (how the PBX's logs name the call)
 */
public record TestCallResult(Outcome outcome, String detail, int sipStatus, String codec, RtpStats rtp,
                             List<Step> steps, String sipCallId) {

    public enum Outcome {
        PASSED,
        /** No final answer to the INVITE in time; the INVITE was cancelled. */
        NO_ANSWER,
        /** A final non-2xx answer (busy, not found, unavailable). */
        REJECTED,
        /** Answered with an SDP that cannot be used (no audio stream, no address). */
        BAD_SDP,
        /** Answered with another codec than the PCMU offered. */
        CODEC_MISMATCH,
        /** Audio went out, nothing came back. */
        ONE_WAY_AUDIO,
        /** Audio came back, but more of it was lost than allowed. */
        PACKET_LOSS,
        /** The far end hung up before the audio was measured. */
        DROPPED,
        /** The INVITE could not be sent (transport, too busy). */
        NOT_SENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One step: {@code invite}, {@code ringing}, {@code answered}, {@code media}, {@code bye}... */
    public record Step(String name, long atMs, boolean ok, String detail) {
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
