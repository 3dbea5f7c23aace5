package kz.line102.cti.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import kz.line102.cti.testing.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad test calls against sipp, on an agent of their own: nothing of theirs stays open. */
class TestCallLeaksTest {

    static final Duration MEDIA = Duration.ofMillis(600);
    static final Duration BYE = Duration.ofMillis(700);
    static SipAgent agent;
    static TestCaller caller;

    @BeforeAll
    static void start() throws Exception {
        agent = SipAgent.start(SipAgentConfig.loopback());
        caller = new TestCaller(agent);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    /**
     * Every way a test call goes wrong ends its transactions and gives its RTP socket back:
     * the agent's in-flight count and this process's open descriptors return to what they were.
     */
    @Test
    void badTestCallsLeakNoTransactionsAndNoPorts() throws Exception {
        // Once first, so descriptors opened for good (classes, the stack's threads) are not counted.
        try (Sipp warm = Sipp.uas("invite-echo.xml", "u1", "-rtp_echo")) {
            caller.call(new SipPeer("127.0.0.1", warm.port(), Transport.UDP, "102999"), "line102test",
                    Duration.ofSeconds(2), MEDIA, BYE, 5.0);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.inFlight() == 0);
        long before = openDescriptors();
        for (String[] bad : new String[][] {{"invite-echo.xml"}, {"invite-pcma.xml", "-rtp_echo"},
                {"invite-never-ends.xml", "-rtp_echo"}, {"invite-ringing-forever.xml"}}) {
            String[] extra = java.util.Arrays.copyOfRange(bad, 1, bad.length);
            try (Sipp far = Sipp.uas(bad[0], "u1", extra)) {
                TestCallResult r = caller.call(new SipPeer("127.0.0.1", far.port(), Transport.UDP, "102999"),
                        "line102test", Duration.ofMillis(500), MEDIA, BYE, 5.0);
                // A BYE never answered leaves the outcome passed (the audio was fine) with its step failed.
                assertThat(r.passed() && r.steps().stream().allMatch(TestCallResult.Step::ok))
                        .as(bad[0] + ": " + r.detail() + " " + r.steps()).isFalse();
            }
            await(bad[0] + " transactions").atMost(Duration.ofSeconds(5)).until(() -> agent.inFlight() == 0);
        }
        await("open descriptors back to " + before).atMost(Duration.ofSeconds(5)).until(() -> openDescriptors() <= before);
    }

    private static long openDescriptors() {
        return ((com.sun.management.UnixOperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

}
