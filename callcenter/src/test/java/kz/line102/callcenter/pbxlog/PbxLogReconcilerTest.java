package kz.line102.callcenter.pbxlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.call.CallIntakeService;
import kz.line102.callcenter.call.CallOutcome;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.cti.CallId;
import kz.line102.cti.EventSource;
import kz.line102.cti.QueueControl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real Asterisk 22.10.1 log rows (faults captures) through the reconciler into call records,
 * asserted field by field against each capture's truth.json and README. Each test uses a
 * PBX name of its own, so its call ids are its own.
 */
class PbxLogReconcilerTest extends IntakeTestSupport {

    @Autowired
    CallIntakeService intake;
    @Autowired
    JdbcCallRepository calls;

    PbxLogFixtures fixtures;
    String pbx;

    @BeforeEach
    void setUp() {
        fixtures = new PbxLogFixtures(jdbc);
        fixtures.clear();
        pbx = "pbxlog-" + UUID.randomUUID();
    }

    PbxLogReconciler reconciler(String at) {
        return reconciler(pbx, at);
    }

    PbxLogReconciler reconciler(String pbxName, String at) {
        PbxLogProperties props = new PbxLogProperties(true, pbxName, "asterisk", Set.of("from-pstn"),
                Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofSeconds(15), Duration.ofHours(12), Duration.ofHours(24));
        return new PbxLogReconciler(new JdbcPbxLogReader(jdbc, "asterisk"), intake, calls, props,
                Clock.fixed(Instant.parse(at), ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    CallRecord record(String linkedId) {
        return calls.find(UUID.fromString(CallId.derive(pbx, linkedId).value())).orElseThrow();
    }

    static Instant t(String utc) {
        return Instant.parse("2026-12-04T" + utc + "Z");
    }

    @Test
    void threeCallsDuringAnAmiGapGetTheirRecordsFromTheLogsAlone() {
        fixtures.load("ami-gap");

        int sent = reconciler("2026-12-04T06:55:00Z").reconcileNow();

        assertThat(sent).isPositive();
        CallRecord answered = record("1796367030.0");
        assertThat(answered.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(answered.callerNumber()).isEqualTo("+77012345678");
        assertThat(answered.dialedNumber()).isEqualTo("102");
        assertThat(answered.queue()).isEqualTo("q102");
        assertThat(answered.operator()).as("PJSIP/1001 (op1)").isEqualTo("1001");
        assertThat(answered.offeredAt()).isEqualTo(t("06:50:30.134666"));
        assertThat(answered.queuedAt()).isEqualTo(t("06:50:35.371305"));
        assertThat(answered.answeredAt()).isEqualTo(t("06:50:37.387378"));
        assertThat(answered.endedAt()).isEqualTo(t("06:50:59.152859"));
        assertThat(answered.waitSeconds()).isEqualTo(2);
        assertThat(answered.talkSeconds()).isEqualTo(22);
        assertThat(answered.hungUpBy()).isEqualTo("caller");
        assertThat(answered.endCause()).isEqualTo(16);
        assertThat(answered.endCauseText()).isEqualTo("Normal Clearing");
        assertThat(answered.recordingFile())
                .isEqualTo("/var/spool/asterisk/monitor/102-20261204-065030-1796367030.0.wav");
        assertThat(answered.recordingFinishedAt()).isEqualTo(answered.endedAt());
        assertThat(answered.source()).isEqualTo(EventSource.LOGGED);
        assertThat(answered.answerSource()).isEqualTo(EventSource.LOGGED);
        assertThat(answered.endSource()).isEqualTo(EventSource.LOGGED);
        assertThat(answered.fullyObserved()).isFalse();

        CallRecord abandoned = record("1796367042.2");
        assertThat(abandoned.outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(abandoned.callerNumber()).isEqualTo("87172123456");
        assertThat(abandoned.queue()).isEqualTo("q102");
        assertThat(abandoned.operator()).isNull();
        assertThat(abandoned.queuedAt()).isEqualTo(t("06:50:47.278507"));
        assertThat(abandoned.answeredAt()).isNull();
        assertThat(abandoned.endedAt()).isEqualTo(t("06:50:56.160508"));
        assertThat(abandoned.waitSeconds()).isEqualTo(9);
        assertThat(abandoned.talkSeconds()).isZero();
        assertThat(abandoned.endCause()).isZero();
        assertThat(abandoned.answerSource()).isEqualTo(EventSource.LOGGED);

        CallRecord welcome = record("1796367061.3");
        assertThat(welcome.outcome()).as("hung up in the welcome").isEqualTo(CallOutcome.ABANDONED);
        assertThat(welcome.callerNumber()).isEqualTo("+77471234567");
        assertThat(welcome.queue()).as("never queued").isNull();
        assertThat(welcome.queuedAt()).isNull();
        assertThat(welcome.waitSeconds()).isNull();
        assertThat(welcome.talkSeconds()).isZero();
        assertThat(welcome.offeredAt()).isEqualTo(t("06:51:01.870271"));
        assertThat(welcome.endedAt()).isEqualTo(t("06:51:04.381681"));
        assertThat(welcome.recordingFile())
                .isEqualTo("/var/spool/asterisk/monitor/102-20261204-065101-1796367061.3.wav");
    }

    @Test
    void reconcilingAgainOrFromASecondNodeChangesNothing() {
        fixtures.load("ami-gap");
        reconciler("2026-12-04T06:55:00Z").reconcileNow();
        CallRecord before = record("1796367030.0");
        int events = calls.events(UUID.fromString(before.id().value())).size();

        assertThat(reconciler("2026-12-04T06:56:00Z").reconcileNow()).isZero();
        assertThat(reconciler("2026-12-04T06:57:00Z").reconcileNow()).isZero();

        CallRecord after = record("1796367030.0");
        assertThat(after).usingRecursiveComparison().isEqualTo(before);
        assertThat(calls.events(UUID.fromString(after.id().value()))).hasSize(events);
    }

    @Test
    void aCallCutByAPbxRestartIsClosedAsAsteriskLoggedIt() {
        fixtures.load("pbx-restart-members");

        reconciler("2026-12-04T06:55:00Z").reconcileNow();

        CallRecord r = record("1796367102.0");
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.callerNumber()).isEqualTo("+77019990001");
        assertThat(r.operator()).isEqualTo("1001");
        assertThat(r.answeredAt()).isEqualTo(t("06:51:48.814643"));
        assertThat(r.waitSeconds()).isEqualTo(1);
        assertThat(r.talkSeconds()).isEqualTo(8);
        assertThat(r.hungUpBy()).as("COMPLETEAGENT").isEqualTo("agent");
        assertThat(r.endedAt()).as("the caller channel's HANGUP, not the restart").isEqualTo(t("06:51:56.91241"));
        assertThat(r.endCause()).isEqualTo(16);
        assertThat(r.endSource()).isEqualTo(EventSource.LOGGED);
    }

    @Test
    void aCallCutByACrashIsClosedWhenThePbxStartsAgainWithItsRecordingNamed() {
        // Before the restart: CEL stops at BRIDGE_ENTER, no QUEUESTART yet. The call is up as far as we know.
        fixtures.copy("pbx-crash-recording", "cel", id -> true);
        fixtures.copy("pbx-crash-recording", "queue_log", id -> id < 14);
        reconciler("2026-12-04T06:51:45Z").reconcileNow();
        CallRecord up = record("1796367078.0");
        assertThat(up.outcome()).isNull();
        assertThat(up.operator()).isEqualTo("1001");
        assertThat(up.answeredAt()).isEqualTo(t("06:51:24.210489"));
        assertThat(up.endedAt()).isNull();

        fixtures.copy("pbx-crash-recording", "queue_log", id -> id >= 14);
        reconciler("2026-12-04T06:55:00Z").reconcileNow();

        CallRecord r = record("1796367078.0");
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.callerNumber()).isEqualTo("+77019990003");
        assertThat(r.waitSeconds()).isEqualTo(1);
        assertThat(r.endedAt()).as("its last CEL row, not the restart").isEqualTo(t("06:51:24.216733"));
        assertThat(r.endSource()).isEqualTo(EventSource.INFERRED);
        assertThat(r.source()).isEqualTo(EventSource.INFERRED);
        assertThat(r.answerSource()).isEqualTo(EventSource.LOGGED);
        assertThat(r.endCauseText()).isEqualTo(PbxLogTranslator.CRASH_END_TEXT);
        assertThat(r.recordingFile())
                .isEqualTo("/var/spool/asterisk/monitor/102-20261204-065118-1796367078.0.wav");
        assertThat(r.recordingFinishedAt()).as("the recorder may fetch the torn file").isNotNull();
    }

    @Test
    void afterAnOutageLongerThanTheWindowTheFirstPassReadsOnFromWhereTheLastOneLeftOff() {
        assertThat(reconciler("2026-12-04T06:49:00Z").reconcileNow()).isZero();
        fixtures.load("ami-gap");

        // Five hours later: the two-hour window alone no longer reaches the gap's calls.
        reconciler("2026-12-04T11:49:00Z").reconcileNow();

        assertThat(record("1796367030.0").outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(record("1796367042.2").outcome()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(record("1796367061.3").endedAt()).isEqualTo(t("06:51:04.381681"));
    }

    @Test
    void aPassRunsAtStartAndWhenTheAmiLinkComesUpAgain() {
        AtomicReference<Runnable> linkUp = new AtomicReference<>();
        QueueControl link = (QueueControl) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {QueueControl.class}, (proxy, method, args) -> {
                    if (method.getName().equals("onLinkUp")) {
                        linkUp.set((Runnable) args[0]);
                    }
                    return null;
                });
        PbxLogProperties props = new PbxLogProperties(true, pbx, "asterisk", Set.of("from-pstn"),
                Duration.ofHours(1), Duration.ofHours(2), Duration.ofSeconds(15), Duration.ofHours(12),
                Duration.ofHours(24));
        try (PbxLogSync sync = new PbxLogSync(reconciler("2026-12-04T06:55:00Z"))) {
            sync.start(link, props);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from pbx_log_marks where pbx = ?", Long.class, pbx) == 1);
            fixtures.load("ami-gap");

            linkUp.get().run();

            await().atMost(Duration.ofSeconds(10)).until(() -> calls.find(UUID.fromString(
                    CallId.derive(pbx, "1796367061.3").value())).map(r -> r.outcome() != null).orElse(false));
        }
    }

    @Test
    void aCallFromAnotherContextIsNoCallOfTheLine() {
        fixtures.load("ami-gap");
        List<LogRows> rows = new JdbcPbxLogReader(jdbc, "asterisk").callsSince(t("06:50:00"));
        PbxLogTranslator operatorsOnly = new PbxLogTranslator(pbx, Set.of("from-operators"));
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(operatorsOnly.translate(r, List.of())).isEmpty());
    }
}
