package kz.line102.cti.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP OPTIONS probes (RFC 3261 §11): "are you there and would you take a call?". A
 * final response with an expected code is a success; any other final response, no
 * response, and a transport failure are failures, each with its own outcome and one
 * log line naming the peer.
 */
public final class OptionsProber {

    private static final Logger log = LoggerFactory.getLogger(OptionsProber.class);

    private final SipAgent agent;
    private final Clock clock;

    public OptionsProber(SipAgent agent, Clock clock) {
        this.agent = agent;
        this.clock = clock;
    }

    /** Never completes exceptionally. */
    public CompletableFuture<ProbeResult> probe(SipPeer peer, Duration timeout, Set<Integer> expected) {
        Instant at = clock.instant();
        Request options;
        try {
            options = agent.messages().request(Request.OPTIONS, peer, null);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new ProbeResult(at, ProbeResult.Outcome.NOT_SENT, 0, Duration.ZERO,
                    e.getMessage()));
        }
        agent.messages().accept(options, "application", "sdp");
        return agent.send(options, timeout, r -> {
        }).thenApply(reply -> result(peer, at, reply, expected));
    }

    private static ProbeResult result(SipPeer peer, Instant at, SipReply reply, Set<Integer> expected) {
        Duration rtt = Duration.ofNanos(reply.nanos());
        ProbeResult result = switch (reply.failure()) {
            case NONE -> expected.contains(reply.status())
                    ? new ProbeResult(at, ProbeResult.Outcome.OK, reply.status(), rtt, reply.detail())
                    : new ProbeResult(at, ProbeResult.Outcome.UNEXPECTED_STATUS, reply.status(), rtt,
                    "answered " + reply.detail() + ", expected one of " + expected);
            case TIMEOUT -> new ProbeResult(at, ProbeResult.Outcome.TIMEOUT, 0, rtt, reply.detail());
            case TRANSPORT -> new ProbeResult(at, ProbeResult.Outcome.TRANSPORT_ERROR, 0, rtt, reply.detail());
            case BUSY -> new ProbeResult(at, ProbeResult.Outcome.NOT_SENT, 0, rtt, reply.detail());
        };
        if (result.ok()) {
            log.debug("OPTIONS {} -> {} in {} ms", peer, result.status(), rtt.toMillis());
        } else {
            log.info("OPTIONS {} failed: {} ({})", peer, result.outcome().code(), result.detail());
        }
        return result;
    }
}
