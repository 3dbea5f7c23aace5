package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.Test;

/**
 * The demo's calls are played as app_queue would ring them: only a ready operator is rung,
 * and a played call never pauses or unpauses anyone (the captures paused the lab's phones
 * to make callers wait; that stays out), so the reconciliation has nothing to correct.
 */
class DemoReplayHonoursOperatorStateTest extends QueueTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Members of q102 other than this test's operator that were ready, paused for the test. */
    private final java.util.List<String> pausedHere = new java.util.ArrayList<>();

    /**
     * The replayed PBX is shared with the other tests of this context (and its sample's static
     * members): only this test's operator may be the ready one the call goes to.
     */
    private void othersPaused() {
        pbx.status().members().stream()
                .filter(m -> m.queue().equals("q102") && !m.iface().equals(iface) && !m.paused())
                .forEach(m -> {
                    pbx.pause("q102", m.iface(), true, "test");
                    pausedHere.add(m.iface());
                });
    }

    @org.junit.jupiter.api.AfterEach
    void othersBack() {
        pausedHere.forEach(i -> pbx.pause("q102", i, false, null));
        pausedHere.clear();
    }

    @Test
    void theCapturesOwnPausesNeverReachTheOperatorItRings() throws Exception {
        signIn();
        // two-callers: the lab paused its phone while two callers queued, and unpaused it for them.
        ReplayHandle call = replay.server().playToReadyMembers("two-callers", "q102", PlayOptions.paced(20));
        assertThat(call.scenario()).isEqualTo("two-callers");
        java.util.Set<String> pausesSeen = new java.util.HashSet<>();
        while (!call.done().isDone()) {
            inPbx().stream().filter(kz.line102.cti.QueueControl.Member::paused)
                    .forEach(m -> pausesSeen.add(String.valueOf(m.pausedReason())));
            Thread.onSpinWait();
        }
        call.done().get(30, TimeUnit.SECONDS);
        // Only the application pauses them: the wrap-up after each call.
        assertThat(pausesSeen).allMatch(reason -> reason.equals("wrap-up"));
        assertThat(reconciler.reconcile("test")).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from operator_state_changes c join users u on u.id = c.user_id
                where u.username = ? and c.source = 'reconcile'""", Long.class, operator)).isZero();
    }

    @Test
    void aCallWhoseCapturePausedThePhonesLeavesAReadyOperatorReady() throws Exception {
        signIn();
        long changesBefore = changes();
        ReplayHandle call = replay.server().playToReadyMembers("abandon", "q102", PlayOptions.paced(20));
        call.done().get(30, TimeUnit.SECONDS);

        assertThat(reconciler.reconcile("test")).isZero();
        assertThat(stateOf()).isEqualTo("ready");
        assertThat(inPbx().get(0).paused()).isFalse();
        assertThat(changes()).isEqualTo(changesBefore);
    }

    @Test
    void aPausedOperatorIsNotRungAndStaysPausedWithTheirReason() throws Exception {
        signIn();
        assertThat(setState("{\"state\":\"paused\",\"reason\":\"break\"}").status()).isEqualTo(200);
        othersPaused();
        ReplayHandle call = replay.server().playToReadyMembers("answered", "q102", PlayOptions.paced(20));
        // Nobody in the queue is ready: the caller waits and hangs up, as at the PBX.
        assertThat(call.scenario()).isEqualTo("abandon");
        call.done().get(30, TimeUnit.SECONDS);

        assertThat(reconciler.reconcile("test")).isZero();
        assertThat(stateOf()).isEqualTo("paused");
        assertThat(inPbx().get(0).pausedReason()).isEqualTo("break");
    }

    @Test
    void aReadyOperatorIsRungAndAnswersThenWrapsUpAsTheirQueueSays() {
        config.save(withQ102(q -> wrapUp(q, 2)), "test", "short wrap-up", null);
        signIn();
        othersPaused();
        ReplayHandle call = replay.server().playToReadyMembers("answered", "q102", PlayOptions.paced(20));
        assertThat(call.scenario()).isEqualTo("answered");

        await().atMost(WAIT).until(() -> stateOf().equals("wrap-up"));
        await().atMost(WAIT).until(() -> stateOf().equals("ready"));
        assertThat(inPbx().get(0).paused()).isFalse();
    }

    private long changes() {
        return jdbc.queryForObject("""
                select count(*) from operator_state_changes c join users u on u.id = c.user_id
                where u.username = ?""", Long.class, operator);
    }
}
