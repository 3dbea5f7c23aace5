package kz.line102.callcenter.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.callcenter.call.CallOutcome;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.cti.CallId;
import kz.line102.cti.ami.AmiConnector;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The AMI link drops in the middle of a call; after the resync the record is still right. */
@CallcenterTest
class AmiLinkLossTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "link-loss-test");
        registry.add("line102.cti.ami.reconnect-min", () -> "100ms");
        registry.add("line102.cti.ami.reconnect-max", () -> "500ms");
    }

    @Value("${line102.cti.ami.pbx}")
    String pbxName;
    @Autowired
    DemoReplay replay;
    @Autowired
    AmiConnector ami;
    @Autowired
    JdbcCallRepository calls;

    @AfterEach
    void linkBack() {
        replay.server().acceptConnections();
    }

    private UUID idOf(ReplayHandle handle) {
        return UUID.fromString(CallId.derive(pbxName, handle.linkedid()).value());
    }

    private void awaitLinkUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ami.health().connected()
                && replay.server().loggedInClients() > 0);
    }

    @Test
    void aCallThatGoesOnWhileTheLinkIsDownIsCompletedByItsLaterEvents() {
        awaitLinkUp();
        ReplayHandle handle = replay.server().play("answered", PlayOptions.paced(4));
        UUID id = idOf(handle);
        await().atMost(Duration.ofSeconds(20)).until(() -> calls.find(id).map(r -> r.answeredAt() != null)
                .orElse(false));

        replay.server().dropClients(true);
        awaitLinkUp();
        handle.done().join();

        await().atMost(Duration.ofSeconds(20)).until(() -> calls.find(id).map(r -> r.outcome() != null
                && r.endedAt() != null).orElse(false));
        CallRecord r = calls.find(id).orElseThrow();
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.operator()).isEqualTo("1001");
        assertThat(r.waitSeconds()).isEqualTo(2);
        assertThat(r.talkSeconds()).isEqualTo(13);
        assertThat(r.endCause()).isEqualTo(16);
        assertThat(r.fullyObserved()).isTrue();
        assertThat(r.eventCount()).as("no event recorded twice after the resync")
                .isEqualTo(calls.events(id).size());
    }

    @Test
    void aCallThatEndsWhileTheLinkIsDownIsClosedByTheResync() {
        awaitLinkUp();
        ReplayHandle handle = replay.server().play("answered", PlayOptions.paced(4));
        UUID id = idOf(handle);
        await().atMost(Duration.ofSeconds(20)).until(() -> calls.find(id).map(r -> r.answeredAt() != null)
                .orElse(false));

        replay.server().refuseConnections();
        replay.server().dropClients(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> !ami.health().connected());
        handle.done().join();
        replay.server().acceptConnections();
        awaitLinkUp();

        await().atMost(Duration.ofSeconds(20)).until(() -> calls.find(id).map(r -> r.endedAt() != null)
                .orElse(false));
        CallRecord r = calls.find(id).orElseThrow();
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.operator()).isEqualTo("1001");
        assertThat(r.waitSeconds()).isEqualTo(2);
        assertThat(r.fullyObserved()).as("the end was inferred, not seen").isFalse();
        assertThat(r.endedAt()).isAfter(r.answeredAt());
        assertThat(r.talkSeconds()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(r.recordingFinishedAt()).as("the recording is closed with the call").isNotNull();
    }
}
