package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import kz.line102.callcenter.Api.Response;
import kz.line102.cti.QueueControl;
import kz.line102.cti.replay.PlayOptions;
import org.junit.jupiter.api.Test;

/** Operator states against the replayed PBX over real AMI: Asterisk and our state never disagree for long. */
class OperatorStateTest extends QueueTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void signingInJoinsTheQueuesPausingAndReadyGoToThePbxAndSigningOutLeaves() {
        assertThat(signIn().status()).isEqualTo(201);
        assertThat(inPbx()).extracting(QueueControl.Member::queue).containsExactly("q102");
        assertThat(inPbx().get(0).dynamic()).isTrue();
        assertThat(inPbx().get(0).name()).isEqualTo(operator);
        assertThat(stateOf()).isEqualTo("ready");

        Response paused = setState("{\"state\":\"paused\",\"reason\":\"meal\"}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().path("state").path("reason").asString()).isEqualTo("meal");
        assertThat(inPbx().get(0).paused()).isTrue();
        assertThat(inPbx().get(0).pausedReason()).isEqualTo("meal");

        assertThat(setState("{\"state\":\"ready\"}").status()).isEqualTo(200);
        assertThat(inPbx().get(0).paused()).isFalse();
        assertThat(stateOf()).isEqualTo("ready");

        assertThat(api.json("DELETE", "/api/v1/operators/me/session", operator, null).status()).isEqualTo(204);
        assertThat(inPbx()).isEmpty();
        assertThat(stateOf()).isEqualTo("offline");

        List<String> timeline = new ArrayList<>();
        api.get("/api/v1/operators/state-changes?username=" + operator, supervisor).json()
                .forEach(c -> timeline.add(c.path("source").asString() + ":" + c.path("state").asString()
                        + (c.path("reason").isNull() ? "" : "(" + c.path("reason").asString() + ")")));
        assertThat(timeline).containsExactly("sign-out:offline(signed-out)", "operator:ready", "operator:paused(meal)",
                "sign-in:ready");
        Response all = api.get("/api/v1/operators/states", supervisor);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("\"username\":\"" + operator + "\"");
    }

    @Test
    void aPauseReasonNotInTheListIsRefusedAndChangesNothing() {
        signIn();
        Response r = setState("{\"state\":\"paused\",\"reason\":\"smoking\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("invalid-pause-reason");
        assertThat(r.json().path("allowed").toString()).contains("break", "meal", "training", "technical");
        assertThat(setState("{\"state\":\"paused\"}").code()).isEqualTo("invalid-pause-reason");
        assertThat(setState("{\"state\":\"asleep\"}").status()).isEqualTo(400);
        assertThat(setState("{}").status()).isEqualTo(400);
        assertThat(inPbx().get(0).paused()).isFalse();
        assertThat(stateOf()).isEqualTo("ready");
    }

    @Test
    void anOperatorSignedInNowhereCannotPause() {
        Response r = setState("{\"state\":\"paused\",\"reason\":\"break\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("not-signed-in");
    }

    @Test
    void aPauseTheLinkLosesAndThePbxKeepsSurvivesTheReconnect() {
        signIn();
        assertThat(setState("{\"state\":\"paused\",\"reason\":\"training\"}").status()).isEqualTo(200);

        replay.server().refuseConnections();
        replay.server().dropClients(true);
        await().atMost(WAIT).until(() -> !pbx.available());
        replay.server().acceptConnections();
        await().atMost(WAIT).until(pbx::available);

        assertThat(reconciler.reconcile("test")).isZero();
        assertThat(stateOf()).isEqualTo("paused");
        assertThat(inPbx().get(0).pausedReason()).isEqualTo("training");
    }

    @Test
    void anUnpauseAtThePbxWhileTheLinkIsDownIsTakenFromQueueStatusAfterTheReconnect() {
        signIn();
        assertThat(setState("{\"state\":\"paused\",\"reason\":\"break\"}").status()).isEqualTo(200);

        replay.server().refuseConnections();
        replay.server().dropClients(false);
        await().atMost(WAIT).until(() -> !pbx.available());
        Response meanwhile = setState("{\"state\":\"paused\",\"reason\":\"meal\"}");
        assertThat(meanwhile.status()).as("no link: refused, not queued").isEqualTo(503);
        assertThat(meanwhile.code()).isEqualTo("pbx-unavailable");
        assertThat(stateOf()).isEqualTo("paused");
        // Someone at the PBX (its console, another AMI client) unpauses the operator meanwhile.
        assertThat(replay.server().pauseMemberAtPbx(null, iface, false, null))
                .isEqualTo("Interface unpaused successfully");

        replay.server().acceptConnections();
        // The reconnect's own reconciliation corrects our state to Asterisk's.
        await().atMost(WAIT).until(() -> stateOf().equals("ready"));
        Map<String, Object> change = jdbc.queryForMap("""
                select c.source, c.detail from operator_state_changes c join users u on u.id = c.user_id
                where u.username = ? order by c.id desc limit 1""", operator);
        assertThat(change.get("source")).isEqualTo("reconcile");
        assertThat((String) change.get("detail")).contains("ours paused(break)").contains("PBX ready");
    }

    @Test
    void anInterfaceThePbxDroppedIsPutBackSoThePauseIsTaken() {
        signIn();
        assertThat(replay.server().removeMemberAtPbx("q102", iface)).isEqualTo("Removed interface from queue");

        // Signed in is the application's truth about membership: the pause puts the interface back first.
        Response r = setState("{\"state\":\"paused\",\"reason\":\"technical\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(inPbx()).extracting(QueueControl.Member::queue).containsExactly("q102");
        assertThat(inPbx().get(0).paused()).isTrue();
        assertThat(inPbx().get(0).pausedReason()).isEqualTo("technical");
        assertThat(stateOf()).isEqualTo("paused");
    }

    @Test
    void aSignedInOperatorThePbxDroppedIsPutBackByTheReconciliation() {
        signIn();
        assertThat(replay.server().removeMemberAtPbx("q102", iface)).isEqualTo("Removed interface from queue");

        await().atMost(WAIT).until(() -> inPbx().size() == 1);
        reconciler.reconcile("test");
        assertThat(stateOf()).isEqualTo("ready");
        assertThat(reconciler.reconcile("test")).isZero();
    }

    @Test
    void afterAnAnsweredCallTheOperatorIsInWrapUpThenReadyAgain() {
        config.save(withQ102(q -> wrapUp(q, 2)), "test", "short wrap-up", null);
        signIn();
        replay.server().play("answered", PlayOptions.paced(20).withOperators(Map.of("1001", extension)));

        await().atMost(WAIT).until(() -> stateOf().equals("wrap-up"));
        assertThat(inPbx().get(0).paused()).isTrue();
        assertThat(inPbx().get(0).pausedReason()).isEqualTo("wrap-up");
        await().atMost(WAIT).until(() -> stateOf().equals("ready"));
        assertThat(inPbx().get(0).paused()).isFalse();
    }

    @Test
    void anOperatorWhoPausesDuringWrapUpStaysPaused() {
        config.save(withQ102(q -> wrapUp(q, 2)), "test", "short wrap-up", null);
        signIn();
        replay.server().play("answered", PlayOptions.paced(20).withOperators(Map.of("1001", extension)));
        await().atMost(WAIT).until(() -> stateOf().equals("wrap-up"));
        assertThat(setState("{\"state\":\"paused\",\"reason\":\"break\"}").status()).isEqualTo(200);

        long wrapUpsEnded = jdbc.queryForObject("""
                select count(*) from operator_state_changes c join users u on u.id = c.user_id
                where u.username = ? and c.source = 'wrap-up-ended'""", Long.class, operator);
        states.endDueWrapUps();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> stateOf().equals("paused"));
        assertThat(wrapUpsEnded).isZero();
        assertThat(inPbx().get(0).pausedReason()).isEqualTo("break");
    }

    @Test
    void aQueueTheConfigurationNamesButThePbxLacksRefusesTheSignInAndUndoesIt() {
        List<QueueConfig.Queue> queues = new ArrayList<>(config.config().queues());
        queues.add(new QueueConfig.Queue("q-not-on-pbx", "linear", 6, 1, 0, 20, 0, true, List.of()));
        config.save(new QueueConfig(queues), "test", "a queue queues.conf lacks", null);

        Response r = signIn();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("pbx-refused");
        assertThat(r.json().path("reason").asString()).contains("No such queue").contains("q-not-on-pbx");
        assertThat(api.get("/api/v1/operators/me", operator).json().path("session").isNull()).isTrue();
        assertThat(inPbx()).as("the queues joined before the refusal are left again").isEmpty();
    }

    @Test
    void twoChangesAtOnceForOneOperatorEndInTheStateThePbxHas() {
        signIn();
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Response> a = CompletableFuture.supplyAsync(
                    () -> setState("{\"state\":\"paused\",\"reason\":\"break\"}"));
            CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> setState("{\"state\":\"ready\"}"));
            assertThat(a.join().status()).isEqualTo(200);
            assertThat(b.join().status()).isEqualTo(200);
            boolean pausedInPbx = inPbx().get(0).paused();
            assertThat(stateOf()).isEqualTo(pausedInPbx ? "paused" : "ready");
        }
        assertThat(reconciler.reconcile("test")).isZero();
    }

    @Test
    void aPauseMadeAtThePbxIsTakenAtOnceFromItsEventNotAtTheNextPeriodicPass() {
        signIn();
        assertThat(replay.server().pauseMemberAtPbx(null, iface, true, "supervisor"))
                .isEqualTo("Interface paused successfully");
        await().atMost(Duration.ofSeconds(5)).until(() -> stateOf().equals("paused"));
        assertThat(api.get("/api/v1/operators/me/state", operator).json().path("state").path("reason").asString())
                .isEqualTo("supervisor");
    }

    @Test
    void aSavedConfigurationAppliesAtOnceToOperatorsSignedInAlready() {
        signIn();
        assertThat(setState("{\"state\":\"paused\",\"reason\":\"meal\"}").status()).isEqualTo(200);
        QueueConfig both = new QueueConfig(config.config().queues().stream().map(q -> new QueueConfig.Queue(q.name(),
                q.strategy(), q.timeoutSeconds(), q.retrySeconds(), q.wrapUpSeconds(), q.serviceLevelSeconds(),
                q.maxLen(), true, q.name().equals("q102") ? List.of(new QueueConfig.Member(operator, 4))
                        : q.members())).toList());
        config.save(both, "test", "everyone in both queues", null);

        assertThat(inPbx()).extracting(QueueControl.Member::queue).containsExactlyInAnyOrder("q102", "q102-kk");
        assertThat(inPbx()).allMatch(m -> m.paused() && m.pausedReason().equals("meal"));
        assertThat(inPbx()).filteredOn(m -> m.queue().equals("q102")).singleElement()
                .extracting(QueueControl.Member::penalty).isEqualTo(4);
        assertThat(api.get("/api/v1/operators/me/state", operator).json().path("state").path("queues").toString())
                .isEqualTo("[\"q102\",\"q102-kk\"]");

        config.save(new QueueConfig(both.queues().stream().map(q -> q.name().equals("q102-kk")
                ? new QueueConfig.Queue(q.name(), q.strategy(), q.timeoutSeconds(), q.retrySeconds(), q.wrapUpSeconds(),
                        q.serviceLevelSeconds(), q.maxLen(), false, q.members()) : q).toList()),
                "test", "q102-kk back to its own", null);
        assertThat(inPbx()).extracting(QueueControl.Member::queue).containsExactly("q102");
        assertThat(stateOf()).isEqualTo("paused");
    }
}
