package kz.line102.callcenter.screenpop;

import java.time.Instant;

import kz.line102.callcenter.caller.CallerCard;

/**
 * What a console receives: {@code ring} when its phone rings (or on connecting, for
 * the call it has now) with the caller card, {@code stop} when that call is no longer
 * for this phone, {@code error} before the server closes a socket it cannot serve.
 */
record ScreenPopMessage(String type, String callId, String extension, String callerNumber, String queue,
                        Instant rangAt, CallerCard card, String code, String detail) {

    static ScreenPopMessage ring(OperatorRing ring, CallerCard card) {
        return new ScreenPopMessage("ring", ring.callId(), ring.extension(), ring.callerNumber(), ring.queue(),
                ring.rangAt(), card, null, null);
    }

    static ScreenPopMessage stop(OperatorRing ring) {
        return new ScreenPopMessage("stop", ring.callId(), ring.extension(), ring.callerNumber(), ring.queue(),
                ring.rangAt(), null, null, null);
    }

    static ScreenPopMessage error(String code, String detail) {
        return new ScreenPopMessage("error", null, null, null, null, null, null, code, detail);
    }
}
