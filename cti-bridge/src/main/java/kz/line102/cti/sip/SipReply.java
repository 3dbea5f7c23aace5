package kz.line102.cti.sip;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * How a client transaction ended, as seen by whoever sent its request.
 *
 * @param response    the final response, or null when there was none
 * @param failure     why there was no final response ({@link Failure#NONE} when there was one)
 * @param detail      one line for a log and a screen
 * @param nanos       from sending the request to the final response or the failure
 * @param transaction the transaction (for an INVITE: its dialog, to ACK and BYE)
 */
public record SipReply(Response response, Failure failure, String detail, long nanos, ClientTransaction transaction) {

    public enum Failure {
        /** A final response came. */
        NONE,
        /** No final response within the time given (or the stack's own timer fired first). */
        TIMEOUT,
        /** The request could not be sent, or the connection failed. */
        TRANSPORT,
        /** Too many transactions in flight: the request was not sent. */
        BUSY
    }

    public boolean answered() {
        return response != null;
    }

    public int status() {
        return response == null ? 0 : response.getStatusCode();
    }
}
