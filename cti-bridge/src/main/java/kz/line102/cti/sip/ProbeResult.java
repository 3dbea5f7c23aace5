package kz.line102.cti.sip;

import java.time.Duration;
import java.time.Instant;

/**
 * One OPTIONS probe's result.
 *
 * @param outcome what happened
 * @param status  the final response's status code, 0 when none came
 * @param rtt     from sending the request to the final response (or to the failure)
 * @param detail  one line for a log and a screen: the status and reason, or why there was none
 */
public record ProbeResult(Instant at, Outcome outcome, int status, Duration rtt, String detail) {

    public enum Outcome {
        /** A final response with an expected status code. */
        OK,
        /** A final response, but not with an expected status (a 404, a 503, a redirect...). */
        UNEXPECTED_STATUS,
        /** No final response in time; a reply the stack could not parse is dropped by it and ends here too. */
        TIMEOUT,
        /** The request could not be sent or its connection failed (TCP refused, no route). */
        TRANSPORT_ERROR,
        /** The agent had too many probes in flight and did not send this one. */
        NOT_SENT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
