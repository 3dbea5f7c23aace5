package kz.line102.cti.sip;

/**
 * What came back of the RTP a test call sent.
 *
 * @param sent          packets sent (20 ms of PCMU each)
 * @param received      distinct packets of ours that came back
 * @param lossPct       the share of sent packets that did not come back
 * @param jitterMs      interarrival jitter of the echo (RFC 3550 §6.4.1), in milliseconds
 * @param meanRttMs     mean time from sending a packet to its echo
 * @param maxRttMs      the longest such time
 * @param wrongPayload  packets that came back with another payload type than PCMU
 * @param foreign       packets that were not ours (another SSRC, not RTP)
 */
public record RtpStats(int sent, int received, double lossPct, double jitterMs, double meanRttMs, double maxRttMs,
                       int wrongPayload, int foreign) {

    public static RtpStats none() {
        return new RtpStats(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
