package kz.line102.cti.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PacingTest {

    private AmiReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = AmiReplayServer.start(ReplayConfig.ephemeral(AmiClients.USER, AmiClients.SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceleratedReplayKeepsTheCapturedSpacingDividedByThePace() throws Exception {
        List<long[]> written = new CopyOnWriteArrayList<>();
        server.setEventListener((instance, event, nanos, micros) -> written.add(new long[] {nanos, micros}));
        Scenario answered = server.scenario("answered");

        long started = System.nanoTime();
        server.play(answered, PlayOptions.paced(20)).done().get();

        assertThat(written).hasSize(answered.eventCount());
        double expectedSeconds = answered.durationMicros() / 1e6 / 20;
        double wallSeconds = (written.get(written.size() - 1)[0] - written.get(0)[0]) / 1e9;
        double stampedSeconds = (written.get(written.size() - 1)[1] - written.get(0)[1]) / 1e6;
        // Generous bounds: a loaded CI machine may write late, never early.
        assertThat(wallSeconds).isCloseTo(expectedSeconds, within(0.5));
        assertThat(stampedSeconds).isCloseTo(expectedSeconds, within(0.5));
        // Event i is not written before its captured offset / pace; events that fell
        // due together (the scheduler was late) may share one flush.
        for (int i = 0; i < written.size(); i++) {
            long dueNanos = answered.events().get(i).offsetMicros() * 1000 / 20;
            assertThat(written.get(i)[0] - started).isGreaterThanOrEqualTo(dueNanos - 1_000_000);
        }
    }

    @Test
    void unpacedReplayDoesNotWait() throws Exception {
        Scenario twoCallers = server.scenario("two-callers");
        long t0 = System.nanoTime();

        server.play(twoCallers, PlayOptions.fast()).done().get();

        assertThat(twoCallers.durationMicros()).isGreaterThan(20_000_000L);
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }
}
