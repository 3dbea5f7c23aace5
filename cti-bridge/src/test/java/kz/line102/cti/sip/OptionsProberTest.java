package kz.line102.cti.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import kz.line102.cti.testing.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OPTIONS probes against sipp: every kind of answer and of silence is a clear result, and nothing lingers. */
class OptionsProberTest {

    static SipAgent agent;
    static OptionsProber prober;
    static final Set<Integer> OK = Set.of(200);
    static final Duration TIMEOUT = Duration.ofMillis(500);

    @BeforeAll
    static void start() throws Exception {
        agent = SipAgent.start(SipAgentConfig.loopback());
        prober = new OptionsProber(agent, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static ProbeResult probe(Sipp sipp, Transport transport) {
        return prober.probe(new SipPeer("127.0.0.1", sipp.port(), transport), TIMEOUT, OK).join();
    }

    @Test
    void aPeerAnswering200IsUpOverUdpAndTcp() throws Exception {
        try (Sipp udp = Sipp.uas("options-200.xml", "u1"); Sipp tcp = Sipp.uas("options-200.xml", "t1")) {
            ProbeResult u = probe(udp, Transport.UDP);
            assertThat(u.outcome()).as(u.detail()).isEqualTo(ProbeResult.Outcome.OK);
            assertThat(u.status()).isEqualTo(200);
            assertThat(u.rtt()).isPositive().isLessThan(TIMEOUT);
            ProbeResult t = probe(tcp, Transport.TCP);
            assertThat(t.outcome()).as(t.detail()).isEqualTo(ProbeResult.Outcome.OK);
        }
        assertThat(agent.inFlight()).isZero();
    }

    @Test
    void fourAndFiveHundredAnswersAreUnexpectedStatusesUnlessExpected() throws Exception {
        try (Sipp notFound = Sipp.uas("options-404.xml", "u1"); Sipp busy = Sipp.uas("options-503.xml", "u1")) {
            ProbeResult nf = probe(notFound, Transport.UDP);
            assertThat(nf.outcome()).isEqualTo(ProbeResult.Outcome.UNEXPECTED_STATUS);
            assertThat(nf.status()).isEqualTo(404);
            assertThat(nf.detail()).contains("404").contains("expected one of [200]");
            ProbeResult unavailable = probe(busy, Transport.UDP);
            assertThat(unavailable.outcome()).isEqualTo(ProbeResult.Outcome.UNEXPECTED_STATUS);
            assertThat(unavailable.status()).isEqualTo(503);
            // A trunk that answers 404 to OPTIONS but is alive can be configured as such.
            ProbeResult accepted = prober.probe(new SipPeer("127.0.0.1", notFound.port(), Transport.UDP), TIMEOUT,
                    Set.of(200, 404)).join();
            assertThat(accepted.ok()).isTrue();
        }
    }

    @Test
    void silenceAProvisionalOnlyAndAnUnparsableAnswerAllTimeOutAndTheTransactionIsReleased() throws Exception {
        try (Sipp silent = Sipp.uas("options-silent.xml", "u1");
             Sipp provisional = Sipp.uas("options-provisional-only.xml", "u1");
             Sipp garbage = Sipp.uas("options-malformed.xml", "u1")) {
            for (Sipp s : new Sipp[] {silent, provisional, garbage}) {
                ProbeResult r = probe(s, Transport.UDP);
                assertThat(r.outcome()).as(r.detail()).isEqualTo(ProbeResult.Outcome.TIMEOUT);
                assertThat(r.detail()).contains("no final answer");
                assertThat(r.rtt()).isGreaterThanOrEqualTo(TIMEOUT);
            }
        }
        assertThat(agent.inFlight()).isZero();
    }

    @Test
    void nobodyListeningOverTcpIsATransportErrorAtOnce() throws Exception {
        int port = FreePorts.udpAndTcp("127.0.0.1");
        ProbeResult r = prober.probe(new SipPeer("127.0.0.1", port, Transport.TCP), TIMEOUT, OK).join();
        assertThat(r.outcome()).as(r.detail()).isIn(ProbeResult.Outcome.TRANSPORT_ERROR, ProbeResult.Outcome.TIMEOUT);
        ProbeResult udp = prober.probe(new SipPeer("127.0.0.1", port, Transport.UDP), TIMEOUT, OK).join();
        assertThat(udp.outcome()).isEqualTo(ProbeResult.Outcome.TIMEOUT);
        await().atMost(Duration.ofSeconds(2)).until(() -> agent.inFlight() == 0);
    }

    @Test
    void moreProbesThanTheAgentMayHaveInFlightAreRefusedNotQueued() throws Exception {
        try (SipAgent small = SipAgent.start(new SipAgentConfig("127.0.0.1", 0, 2, 1, null))) {
            OptionsProber p = new OptionsProber(small, Clock.systemUTC());
            int port = FreePorts.udpAndTcp("127.0.0.1");
            SipPeer nobody = new SipPeer("127.0.0.1", port, Transport.UDP);
            var a = p.probe(nobody, TIMEOUT, OK);
            var b = p.probe(nobody, TIMEOUT, OK);
            ProbeResult third = p.probe(nobody, TIMEOUT, OK).join();
            assertThat(third.outcome()).isEqualTo(ProbeResult.Outcome.NOT_SENT);
            assertThat(a.join().outcome()).isEqualTo(ProbeResult.Outcome.TIMEOUT);
            assertThat(b.join().outcome()).isEqualTo(ProbeResult.Outcome.TIMEOUT);
            assertThat(small.inFlight()).isZero();
        }
    }

    @Test
    void closingGivesThePortBackForANewAgent() throws Exception {
        SipAgent first = SipAgent.start(SipAgentConfig.loopback());
        int port = first.port();
        first.close();
        try (SipAgent again = SipAgent.start(new SipAgentConfig("127.0.0.1", port, 4, 1, null))) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
