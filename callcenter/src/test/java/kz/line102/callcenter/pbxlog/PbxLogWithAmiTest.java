package kz.line102.callcenter.pbxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.call.CallIntakeService;
import kz.line102.callcenter.call.CallOutcome;
import kz.line102.callcenter.call.CallQuery;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.call.PbxCallCheck;
import kz.line102.callcenter.call.StreamMessage;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import kz.line102.cti.EventSource;
import kz.line102.cti.RecordingFinished;
import kz.line102.cti.RecordingStarted;
import kz.line102.cti.stream.CallEventCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The logs beside what AMI showed of the same calls: one record, and what was observed wins over what was not. */
class PbxLogWithAmiTest extends IntakeTestSupport {

    static final String FILE = "/var/spool/asterisk/monitor/102-20261204-065030-1796367030.0.wav";

    @Autowired
    CallIntakeService intake;
    @Autowired
    JdbcCallRepository calls;

    final CallEventCodec codec = new CallEventCodec();
    PbxLogFixtures fixtures;
    String pbx;
    CallId call;

    @BeforeEach
    void setUp() {
        fixtures = new PbxLogFixtures(jdbc);
        fixtures.clear();
        pbx = "pbxlog-" + UUID.randomUUID();
        call = CallId.derive(pbx, "1796367030.0");
    }

    PbxLogReconciler reconciler(String at) {
        PbxLogProperties props = new PbxLogProperties(true, pbx, "asterisk", Set.of("from-pstn"),
                Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofSeconds(15), Duration.ofHours(12), Duration.ofHours(24));
        return new PbxLogReconciler(new JdbcPbxLogReader(jdbc, "asterisk"), intake, calls, props,
                Clock.fixed(Instant.parse(at), ZoneOffset.UTC), new SimpleMeterRegistry());
    }

    void intake(CallEvent... events) {
        for (CallEvent e : events) {
            intake.intake(List.of(new StreamMessage("test", codec.encode(e))));
        }
    }

    CallRecord record(CallId id) {
        return calls.find(UUID.fromString(id.value())).orElseThrow();
    }

    static Instant t(String utc) {
        return Instant.parse("2026-12-04T" + utc + "Z");
    }

    static EventId id(String name) {
        return EventId.derive("test", name, UUID.randomUUID().toString());
    }

    @Test
    void anObservedAnswerIsNotOverriddenByAResyncsInferredAnswerAndTheLogsCloseTheCallWithTheirEnd() {
        // The resync after an application restart comes first, then the answer AMI really showed.
        intake(new CallOffered(id("offered"), call, t("06:50:30.135"), "+77012345678", null, "102", true),
                new CallAnswered(id("inferred-answer"), call, t("06:51:09.0"), "q102", "1001", 0, 0,
                        EventSource.INFERRED),
                new CallQueued(id("queued"), call, t("06:50:35.372"), "q102", 1),
                new CallAnswered(id("answer"), call, t("06:50:37.388"), "q102", "1001", 2, 2),
                new CallEnded(id("inferred-end"), call, t("06:51:09.0"), 0, null, false));

        CallRecord inferredEnd = record(call);
        assertThat(inferredEnd.answeredAt()).isEqualTo(t("06:50:37.388"));
        assertThat(inferredEnd.waitSeconds()).as("not the resync's placeholder 0").isEqualTo(2);
        assertThat(inferredEnd.answerSource()).isEqualTo(EventSource.OBSERVED);
        assertThat(inferredEnd.endSource()).isEqualTo(EventSource.INFERRED);

        fixtures.load("ami-gap");
        reconciler("2026-12-04T06:55:00Z").reconcileNow();

        CallRecord r = record(call);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.answeredAt()).isEqualTo(t("06:50:37.388"));
        assertThat(r.answerSource()).isEqualTo(EventSource.OBSERVED);
        assertThat(r.endedAt()).as("the end Asterisk logged, not the reconnect").isEqualTo(t("06:50:59.152859"));
        assertThat(r.endSource()).isEqualTo(EventSource.LOGGED);
        assertThat(r.talkSeconds()).isEqualTo(22);
        assertThat(r.hungUpBy()).isEqualTo("caller");
        assertThat(r.source()).as("the end and talk come from the logs").isEqualTo(EventSource.LOGGED);
    }

    @Test
    void amiAndLoggedEventsOfTheSameCallMakeOneRecordWithTheObservedValues() {
        intake(new CallOffered(id("offered"), call, t("06:50:30.1352"), "+77012345678", "+77012345678", "102", true),
                new RecordingStarted(id("rec"), call, t("06:50:30.2495"), FILE),
                new CallQueued(id("queued"), call, t("06:50:35.3721"), "q102", 1),
                new CallAnswered(id("answer"), call, t("06:50:37.3881"), "q102", "1001", 2, 2),
                new CallCompleted(id("complete"), call, t("06:50:59.1480"), "q102", "1001", 2, 22, "caller"),
                new CallEnded(id("end"), call, t("06:50:59.1535"), 16, "Normal Clearing", true),
                new RecordingFinished(id("rec-end"), call, t("06:50:59.1535"), FILE));
        CallRecord observed = record(call);

        fixtures.load("ami-gap");
        reconciler("2026-12-04T06:55:00Z").reconcileNow();

        CallRecord r = record(call);
        assertThat(r).usingRecursiveComparison().isEqualTo(observed);
        assertThat(r.source()).isEqualTo(EventSource.OBSERVED);
        assertThat(r.fullyObserved()).isTrue();
        assertThat(calls.events(UUID.fromString(call.value()))).as("nothing the logs repeat is stored").hasSize(7);
        assertThat(calls.search(new CallQuery(t("06:50:00"), t("06:52:00"), "+77012345678", null, null, false, null,
                0, 50)).stream().filter(c -> c.id().equals(call))).hasSize(1);
        assertThat(record(CallId.derive(pbx, "1796367042.2")).outcome()).as("the gap's other calls still made")
                .isEqualTo(CallOutcome.ABANDONED);
    }

    @Test
    void aLongQuietAnsweredCallIsUpForTheSweeperUntilThePbxLogsItsEnd() {
        // Up to the conversation: CEL up to both BRIDGE_ENTER (rows 129..146), queue_log up to CONNECT.
        fixtures.copy("long-answered", "cel", id -> id <= 146);
        fixtures.copy("long-answered", "queue_log", id -> id <= 34);
        PbxLogReconciler logs = reconciler("2026-12-04T06:53:30Z");
        logs.reconcileNow();
        CallId quiet = CallId.derive(pbx, "1796367151.0");
        CallRecord up = record(quiet);
        assertThat(up.answeredAt()).isEqualTo(t("06:52:38.150818"));
        assertThat(up.outcome()).isNull();

        assertThat(logs.check(quiet, up.offeredAt(), t("10:52:00"))).as("4 h later, still no end logged")
                .isEqualTo(PbxCallCheck.Answer.UP);
        assertThat(record(quiet).outcome()).isNull();

        fixtures.copy("long-answered", "cel", id -> id > 146);
        fixtures.copy("long-answered", "queue_log", id -> id > 34);
        fixtures.copy("long-answered", "cdr", id -> true);
        assertThat(logs.check(quiet, up.offeredAt(), t("10:52:00"))).isEqualTo(PbxCallCheck.Answer.ENDED);

        CallRecord r = record(quiet);
        assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(r.operator()).isEqualTo("1001");
        assertThat(r.waitSeconds()).isEqualTo(1);
        assertThat(r.talkSeconds()).isEqualTo(91);
        assertThat(r.hungUpBy()).isEqualTo("caller");
        assertThat(r.endedAt()).isEqualTo(t("06:54:09.020679"));
        assertThat(r.endSource()).isEqualTo(EventSource.LOGGED);
    }
}
