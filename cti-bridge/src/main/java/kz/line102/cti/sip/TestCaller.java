package kz.line102.cti.sip;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sip.Dialog;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places one synthetic test call: INVITE with a PCMU offer, ACK, 20 ms PCMU packets
 * for the media time while the echo is measured, then BYE. Every wait has its limit:
 * no answer in time cancels the INVITE; a BYE nobody answers ends the dialog on our
 * side (the call that never ends is cut). Blocks the calling thread for at most
 * answer + media + grace + bye timeouts; the application runs one call at a time.
 */
public final class TestCaller {

    private static final Logger log = LoggerFactory.getLogger(TestCaller.class);
    private static final Duration GRACE = Duration.ofMillis(400);

    private final SipAgent agent;

    public TestCaller(SipAgent agent) {
        this.agent = agent;
    }

    /**
     * @param peer       the PBX and the test number (its {@code user})
     * @param callerId   the From user, by which our side finds the call's record
     * @param maxLossPct more lost echo than this fails the call
     */
    public TestCallResult call(SipPeer peer, String callerId, Duration answerTimeout, Duration media,
                               Duration byeTimeout, double maxLossPct) throws InterruptedException {
        Steps steps = new Steps();
        try (RtpEcho rtp = new RtpEcho(agent.address())) {
            Request invite = agent.messages().request(Request.INVITE, peer, callerId);
            agent.messages().body(invite, Sdp.offer(agent.address(), rtp.port(),
                    ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
            String callId = agent.messages().callId(invite);
            AtomicBoolean farEndHungUp = new AtomicBoolean();
            agent.watchCall(callId, r -> {
                if (r.getMethod().equals(Request.BYE)) {
                    farEndHungUp.set(true);
                    steps.add("far-end-bye", false, "the far end hung up");
                }
            });
            try {
                steps.add("invite", true, peer.toString());
                SipReply reply = agent.send(invite, answerTimeout,
                        r -> steps.add("provisional", true, r.getStatusCode() + " " + r.getReasonPhrase())).join();
                if (!reply.answered()) {
                    TestCallResult.Outcome o = reply.failure() == SipReply.Failure.TIMEOUT
                            ? TestCallResult.Outcome.NO_ANSWER : TestCallResult.Outcome.NOT_SENT;
                    steps.add("answer", false, reply.detail());
                    return done(o, reply.detail(), 0, null, RtpStats.none(), steps, callId);
                }
                if (reply.status() >= 300) {
                    steps.add("answer", false, reply.detail());
                    return done(TestCallResult.Outcome.REJECTED, "the test number answered " + reply.detail(),
                            reply.status(), null, RtpStats.none(), steps, callId);
                }
                Dialog dialog = reply.transaction().getDialog();
                ack(dialog, reply);
                steps.add("answered", true, reply.detail());
                Sdp.Answer answer;
                try {
                    answer = Sdp.parse(body(reply));
                } catch (IllegalArgumentException e) {
                    steps.add("sdp", false, e.getMessage());
                    bye(dialog, byeTimeout, steps);
                    return done(TestCallResult.Outcome.BAD_SDP, e.getMessage(), reply.status(), null,
                            RtpStats.none(), steps, callId);
                }
                if (answer.port() == 0 || answer.payloadTypes().get(0) != Sdp.PCMU) {
                    String why = answer.port() == 0 ? "the far end refused the audio stream (port 0)"
                            : "the far end answered with " + answer.codec() + " instead of PCMU/8000";
                    steps.add("sdp", false, why);
                    bye(dialog, byeTimeout, steps);
                    return done(TestCallResult.Outcome.CODEC_MISMATCH, why, reply.status(), answer.codec(),
                            RtpStats.none(), steps, callId);
                }
                steps.add("sdp", true, answer.codec() + " at " + answer.address() + ":" + answer.port());
                RtpStats stats = rtp.run(new InetSocketAddress(answer.address(), answer.port()), media, GRACE,
                        farEndHungUp::get);
                steps.add("media", stats.received() > 0, stats.sent() + " sent, " + stats.received() + " back");
                if (!farEndHungUp.get()) {
                    bye(dialog, byeTimeout, steps);
                }
                return done(judge(stats, maxLossPct, farEndHungUp.get()), describe(stats), reply.status(),
                        answer.codec(), stats, steps, callId);
            } finally {
                agent.unwatchCall(callId);
            }
        } catch (java.io.IOException | RuntimeException e) {
            steps.add("invite", false, SipAgent.rootMessage(e));
            return done(TestCallResult.Outcome.NOT_SENT, "test call not placed: " + SipAgent.rootMessage(e), 0, null,
                    RtpStats.none(), steps, null);
        }
    }

    private static TestCallResult.Outcome judge(RtpStats s, double maxLossPct, boolean dropped) {
        if (dropped) {
            return TestCallResult.Outcome.DROPPED;
        }
        if (s.received() == 0) {
            return TestCallResult.Outcome.ONE_WAY_AUDIO;
        }
        if (s.wrongPayload() > 0) {
            return TestCallResult.Outcome.CODEC_MISMATCH;
        }
        return s.lossPct() > maxLossPct ? TestCallResult.Outcome.PACKET_LOSS : TestCallResult.Outcome.PASSED;
    }

    private static String describe(RtpStats s) {
        if (s.received() == 0) {
            return s.sent() + " RTP packets sent, none came back: one-way audio";
        }
        return String.format(java.util.Locale.ROOT, "%d sent, %d back, loss %.1f %%, jitter %.1f ms, rtt %.1f ms",
                s.sent(), s.received(), s.lossPct(), s.jitterMs(), s.meanRttMs());
    }

    private static void ack(Dialog dialog, SipReply reply) {
        try {
            long cseq = ((CSeqHeader) reply.response().getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
        } catch (Exception e) {
            throw new IllegalStateException("ACK not sent: " + SipAgent.rootMessage(e), e);
        }
    }

    private void bye(Dialog dialog, Duration timeout, Steps steps) {
        SipReply bye = agent.sendInDialog(dialog, Request.BYE, timeout).join();
        if (bye.answered() && bye.status() < 300) {
            steps.add("bye", true, bye.detail());
        } else {
            // The call never ended on the far side: we forget it so nothing is kept for it.
            steps.add("bye", false, "call cut: " + bye.detail());
            dialog.delete();
        }
    }

    private static String body(SipReply reply) {
        byte[] raw = reply.response().getRawContent();
        return raw == null ? null : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static TestCallResult done(TestCallResult.Outcome outcome, String detail, int status, String codec,
                                       RtpStats rtp, Steps steps, String callId) {
        TestCallResult r = new TestCallResult(outcome, detail, status, codec, rtp, steps.list(), callId);
        if (r.passed()) {
            log.info("test call {} passed: {}", callId, detail);
        } else {
            log.warn("test call {} failed: {} ({})", callId, outcome.code(), detail);
        }
        return r;
    }

    private static final class Steps {
        private final long start = System.nanoTime();
        private final List<TestCallResult.Step> list = new ArrayList<>();

        synchronized void add(String name, boolean ok, String detail) {
            list.add(new TestCallResult.Step(name, (System.nanoTime() - start) / 1_000_000, ok, detail));
        }

        synchronized List<TestCallResult.Step> list() {
            return List.copyOf(list);
        }
    }
}
