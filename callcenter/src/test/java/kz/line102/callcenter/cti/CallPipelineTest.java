package kz.line102.callcenter.cti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.callcenter.call.CallOutcome;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path, over real sockets: the replay server plays a session captured from
 * a real Asterisk, the bridge reads it through asterisk-java, the events cross Redis,
 * the intake route commits them, and the call record must say what the capture says.
 */
@CallcenterTest
class CallPipelineTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "pipeline-test");
    }

    @Value("${line102.cti.ami.pbx}")
    String pbxName;
    @Autowired
    DemoReplay replay;
    @Autowired
    JdbcCallRepository calls;
    @Autowired
    PhoneNumbers numbers;

    @ParameterizedTest
    @ValueSource(strings = {"answered", "abandon", "abandon-ringing", "rna-answer", "two-callers", "agi-down"})
    void aReplayedCallIsRecordedAsTheCaptureSays(String scenario) {
        await().atMost(Duration.ofSeconds(20)).until(() -> replay.server().loggedInClients() > 0);
        ReplayHandle handle = replay.server().play(scenario, PlayOptions.paced(50));

        for (CapturedCall captured : CapturedCall.read(scenario)) {
            String linkedid = handle.freshValueOf(captured.linkedid());
            UUID id = UUID.fromString(CallId.derive(pbxName, linkedid).value());
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.find(id)
                    .map(r -> r.outcome() != null && r.recordingFinishedAt() != null).orElse(false));
            CallRecord r = calls.find(id).orElseThrow();

            String number = handle.freshValueOf(captured.callerNumber());
            assertThat(r.callerNumber()).as("caller number").isEqualTo(number);
            assertThat(r.callerNumberE164()).isEqualTo(numbers.normalize(number).e164()).isNotNull();
            assertThat(r.queue()).as("queue").isEqualTo(captured.queue());
            assertThat(r.outcome()).as("outcome").isEqualTo(captured.answered() ? CallOutcome.ANSWERED
                    : captured.abandoned() ? CallOutcome.ABANDONED : CallOutcome.TIMED_OUT);
            assertThat(r.operator()).as("operator").isEqualTo(captured.operator());
            assertThat(r.waitSeconds()).as("wait = AMI HoldTime").isEqualTo(captured.holdSeconds());
            if (captured.answered()) {
                assertThat(r.talkSeconds()).as("talk = AMI TalkTime").isEqualTo(captured.talkSeconds());
                assertThat(r.hungUpBy()).isEqualTo(captured.hungUpBy());
                assertThat(r.answeredAt()).isAfterOrEqualTo(r.offeredAt());
            } else {
                assertThat(r.answeredAt()).isNull();
            }
            assertThat(r.missedOperators()).as("operators who did not answer")
                    .containsExactlyElementsOf(captured.missedOperators());
            assertThat(r.endCause()).as("hangup cause").isEqualTo(captured.hangupCause());
            assertThat(r.endedAt()).isAfterOrEqualTo(r.offeredAt());
            assertThat(r.fullyObserved()).isTrue();
            assertThat(r.recordingFile()).as("MixMonitor file").contains(linkedid)
                    .endsWith(".wav");
        }
    }
}
