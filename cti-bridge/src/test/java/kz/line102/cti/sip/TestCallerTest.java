package kz.line102.cti.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import kz.line102.cti.testing.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Synthetic test calls against sipp: echoed audio measured, and each way a call can go wrong named. */
class TestCallerTest {

    static SipAgent agent;
    static TestCaller caller;
    static final Duration ANSWER = Duration.ofSeconds(2);
    static final Duration MEDIA = Duration.ofMillis(600);
    static final Duration BYE = Duration.ofMillis(700);

    @BeforeAll
    static void start() throws Exception {
        agent = SipAgent.start(SipAgentConfig.loopback());
        caller = new TestCaller(agent);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static TestCallResult call(Sipp sipp) throws InterruptedException {
        return caller.call(new SipPeer("127.0.0.1", sipp.port(), Transport.UDP, "102999"), "line102test", ANSWER,
                MEDIA, BYE, 5.0);
    }

    @Test
    void anEchoingTestNumberPassesWithNoLossAndMeasuredRoundTrip() throws Exception {
        try (Sipp echo = Sipp.uas("invite-echo.xml", "u1", "-rtp_echo")) {
            TestCallResult r = call(echo);
            assertThat(r.outcome()).as(r.detail() + " " + r.steps()).isEqualTo(TestCallResult.Outcome.PASSED);
            assertThat(r.sipStatus()).isEqualTo(200);
            assertThat(r.codec()).isEqualTo("PCMU/8000");
            assertThat(r.rtp().sent()).isEqualTo(30);
            assertThat(r.rtp().received()).isEqualTo(30);
            assertThat(r.rtp().lossPct()).isZero();
            assertThat(r.rtp().meanRttMs()).isPositive().isLessThan(100);
            // A provisional answer is optional in SIP, and over UDP sipp's 180 can be handled after its 200
            // on a loaded machine, when it is late and left out; when it is there it comes before the answer.
            List<String> steps = r.steps().stream().map(TestCallResult.Step::name).toList();
            assertThat(steps).containsSubsequence("invite", "answered", "sdp", "media", "bye");
            if (steps.contains("provisional")) {
                assertThat(steps.indexOf("provisional")).isLessThan(steps.indexOf("answered"));
            }
            assertThat(r.steps()).allMatch(TestCallResult.Step::ok);
        }
        assertThat(agent.inFlight()).isZero();
    }

    @Test
    void noEchoIsOneWayAudio() throws Exception {
        try (Sipp deaf = Sipp.uas("invite-echo.xml", "u1")) {
            TestCallResult r = call(deaf);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(TestCallResult.Outcome.ONE_WAY_AUDIO);
            assertThat(r.rtp().sent()).isEqualTo(30);
            assertThat(r.rtp().received()).isZero();
            assertThat(r.detail()).contains("none came back");
        }
    }

    @Test
    void anotherCodecInTheAnswerIsACodecMismatchAndTheCallIsHungUp() throws Exception {
        try (Sipp pcma = Sipp.uas("invite-pcma.xml", "u1", "-rtp_echo")) {
            TestCallResult r = call(pcma);
            assertThat(r.outcome()).isEqualTo(TestCallResult.Outcome.CODEC_MISMATCH);
            assertThat(r.codec()).isEqualTo("PCMA/8000");
            assertThat(r.detail()).contains("PCMA/8000 instead of PCMU/8000");
            assertThat(r.steps()).extracting(TestCallResult.Step::name).endsWith("bye");
        }
    }

    @Test
    void aCallWhoseByeIsNeverAnsweredIsCutOnOurSide() throws Exception {
        try (Sipp stuck = Sipp.uas("invite-never-ends.xml", "u1", "-rtp_echo")) {
            long start = System.nanoTime();
            TestCallResult r = call(stuck);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ANSWER.plus(MEDIA).plus(BYE)
                    .plusSeconds(2));
            TestCallResult.Step bye = r.steps().get(r.steps().size() - 1);
            assertThat(bye.name()).isEqualTo("bye");
            assertThat(bye.ok()).isFalse();
            assertThat(bye.detail()).startsWith("call cut");
        }
        assertThat(agent.inFlight()).isZero();
    }

    @Test
    void aTestNumberThatOnlyRingsIsNoAnswerAndTheInviteIsCancelled() throws Exception {
        try (Sipp ringing = Sipp.uas("invite-ringing-forever.xml", "u1")) {
            TestCallResult r = caller.call(new SipPeer("127.0.0.1", ringing.port(), Transport.UDP, "102999"),
                    "line102test", Duration.ofMillis(500), MEDIA, BYE, 5.0);
            assertThat(r.outcome()).isEqualTo(TestCallResult.Outcome.NO_ANSWER);
            assertThat(r.steps()).extracting(TestCallResult.Step::name).contains("provisional");
        }
    }

    @Test
    void nobodyAtTheTestNumberIsNoAnswer() throws Exception {
        int port = FreePorts.udpAndTcp("127.0.0.1");
        TestCallResult r = caller.call(new SipPeer("127.0.0.1", port, Transport.UDP, "102999"), "line102test",
                Duration.ofMillis(300), MEDIA, BYE, 5.0);
        assertThat(r.outcome()).isEqualTo(TestCallResult.Outcome.NO_ANSWER);
        assertThat(r.sipStatus()).isZero();
    }

    @Test
    void sdpAnswersAreReadOrRefusedWithTheReason() {
        Sdp.Answer a = Sdp.parse("v=0\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 0\r\n");
        assertThat(a.address()).isEqualTo("10.0.0.1");
        assertThat(a.port()).isEqualTo(4000);
        assertThat(a.codec()).isEqualTo("PCMA/8000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 10.0.0.1\r\n"))
                .hasMessageContaining("no audio stream");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sdp.parse("m=audio x RTP/AVP 0\r\n"))
                .hasMessageContaining("malformed number");
    }
}
