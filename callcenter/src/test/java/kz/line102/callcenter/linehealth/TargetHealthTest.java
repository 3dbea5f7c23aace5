package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The hysteresis: one lost probe raises nothing, N failures go down, M successes come back. */
class TargetHealthTest {

    private static final Duration FAST = Duration.ofMillis(5);
    private static final Duration SLOW = Duration.ofSeconds(1);

    private static TargetHealth fresh() {
        LineHealthProperties defaults = new LineHealthProperties(true, null, 3, 2, 10, Duration.ofMillis(500),
                Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofDays(30), Duration.ofHours(1), null,
                Duration.ofSeconds(30), java.time.ZoneId.of("Asia/Almaty"));
        return new TargetHealth(defaults, TargetState.UNKNOWN, 0, 0);
    }

    @Test
    void oneLostProbeMakesATargetDegradedNotDown() {
        TargetHealth h = fresh();
        h.apply(true, FAST);
        assertThat(h.state()).isEqualTo(TargetState.UP);
        h.apply(false, SLOW);
        assertThat(h.state()).isEqualTo(TargetState.DEGRADED);
        h.apply(true, FAST);
        assertThat(h.state()).as("the failure is still among the last ten").isEqualTo(TargetState.DEGRADED);
        for (int i = 0; i < 9; i++) {
            h.apply(true, FAST);
        }
        assertThat(h.state()).isEqualTo(TargetState.UP);
    }

    @Test
    void threeFailuresInARowGoDownAndTwoSuccessesComeBackUp() {
        TargetHealth h = fresh();
        h.apply(true, FAST);
        h.apply(false, SLOW);
        h.apply(false, SLOW);
        assertThat(h.state()).isEqualTo(TargetState.DEGRADED);
        assertThat(h.apply(false, SLOW)).isEqualTo(TargetState.DEGRADED);
        assertThat(h.state()).isEqualTo(TargetState.DOWN);
        h.apply(true, FAST);
        assertThat(h.state()).as("one success is not enough").isEqualTo(TargetState.DOWN);
        h.apply(false, SLOW);
        h.apply(true, FAST);
        assertThat(h.state()).isEqualTo(TargetState.DOWN);
        h.apply(true, FAST);
        assertThat(h.state()).as("back, and the failures while down are forgotten").isEqualTo(TargetState.UP);
    }

    @Test
    void aSlowAnswerIsDegraded() {
        TargetHealth h = fresh();
        h.apply(true, Duration.ofMillis(800));
        assertThat(h.state()).isEqualTo(TargetState.DEGRADED);
        h.apply(true, FAST);
        assertThat(h.state()).isEqualTo(TargetState.UP);
    }

    @Test
    void aTargetNeverHeardFromStaysUnknownUntilItIsDown() {
        TargetHealth h = fresh();
        h.apply(false, SLOW);
        h.apply(false, SLOW);
        assertThat(h.state()).isEqualTo(TargetState.UNKNOWN);
        h.apply(false, SLOW);
        assertThat(h.state()).isEqualTo(TargetState.DOWN);
    }
}
