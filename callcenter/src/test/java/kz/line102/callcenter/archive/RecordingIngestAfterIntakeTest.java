package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.incident.Actor;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.EventId;
import kz.line102.cti.RecordingFinished;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.catalog.RecordingQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RecordingIngestAfterIntakeTest extends IntakeTestSupport {

    static final Path FIXTURE = Path.of("/work/shared/fixtures/asterisk/22.10.1/recording-answered-mixmonitor.wav");
    static final Path SPOOL = Path.of("target/recordings/spool");

    @Autowired
    RecordingService recordings;
    @Autowired
    IncidentService incidents;
    @Autowired
    UserService users;

    @Test
    void aFinishedRecordingInTheSpoolEndsIndexedAndLinkedToItsCall() throws Exception {
        CallId call = newCall();
        String file = "102-" + UUID.randomUUID() + ".wav";
        Files.createDirectories(SPOOL);
        Files.copy(FIXTURE, SPOOL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(call, t0, "/var/spool/asterisk/monitor/" + file);

        Recording r = await().atMost(Duration.ofSeconds(60)).until(() -> recordings.search(
                RecordingQuery.all(10).callId(call.value())).items(), items -> !items.isEmpty()).get(0);
        assertThat(r.callId()).isEqualTo(call.value());
        assertThat(r.callAt()).isEqualTo(t0);
        assertThat(r.callerNumber()).isEqualTo("+77172123456");
        assertThat(r.operator()).isEqualTo("op-1");
        assertThat(r.sourceName()).isEqualTo("/var/spool/asterisk/monitor/" + file);
        assertThat(r.contentType()).isEqualTo("audio/ogg");
        // Archived, then the spool copy is removed.
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(SPOOL.resolve(file)));
    }

    @Test
    void aRecordingThatNeverAppearsEndsMissingAfterItsAttempts() {
        CallId call = newCall();
        publish(call, Instant.now(), "/var/spool/asterisk/monitor/102-never-there-" + UUID.randomUUID() + ".wav");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.query(
                "select state from recording_ingest_jobs where call_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, call.value()), "missing"::equals);
        assertThat(jdbc.queryForObject("select error_code from recording_ingest_jobs where call_id = ?",
                String.class, call.value())).isEqualTo("recording-source-missing");
    }

    @Test
    void recordingsAndCardsFindEachOtherThroughTheirCallInEitherOrder() throws Exception {
        Api.user(users, "link-admin", Role.ADMIN);
        String operator = Api.user(users, "link-operator", Role.OPERATOR);
        Files.createDirectories(SPOOL);

        // The recording first, the card later (opened by hand for the call).
        CallId before = newCall();
        String first = "102-" + UUID.randomUUID() + ".wav";
        Files.copy(FIXTURE, SPOOL.resolve(first), StandardCopyOption.REPLACE_EXISTING);
        publish(before, Instant.now().truncatedTo(ChronoUnit.MILLIS), "/var/spool/asterisk/monitor/" + first);
        Recording early = await().atMost(Duration.ofSeconds(60)).until(() -> recordings.search(
                RecordingQuery.all(10).callId(before.value())).items(), items -> !items.isEmpty()).get(0);
        // The duty officer opens these cards: neither call reached the operator's desk (need to know).
        UUID lateCard = incidents.open(Actor.supervisor(operator), UUID.fromString(before.value())).incident().id();

        // The card first (the call is answered), the recording when the call ends.
        CallId after = newCall();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        answered(after, "+77172123457", t0, "op-1", 3, 20).forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from calls where id = ?", Integer.class, UUID.fromString(after.value())) == 1);
        UUID earlyCard = incidents.open(Actor.supervisor(operator), UUID.fromString(after.value())).incident().id();
        String second = "102-" + UUID.randomUUID() + ".wav";
        Files.copy(FIXTURE, SPOOL.resolve(second), StandardCopyOption.REPLACE_EXISTING);
        publisher.accept(new RecordingFinished(EventId.random(), after, t0.plusSeconds(30),
                "/var/spool/asterisk/monitor/" + second));

        for (UUID card : List.of(lateCard, earlyCard)) {
            Recording linked = await().atMost(Duration.ofSeconds(60)).until(() -> recordings.search(
                    RecordingQuery.all(10).incidentId(card.toString())).items(), items -> items.size() == 1).get(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> incidents.get(card).calls().get(0).recordingId(),
                    id -> linked.id().toString().equals(id));
        }
        assertThat(recordings.search(RecordingQuery.all(10).incidentId(lateCard.toString())).items().get(0).id())
                .isEqualTo(early.id());
    }

    private void publish(CallId call, Instant t0, String pbxFile) {
        List<CallEvent> events = new ArrayList<>(answered(call, "+77172123456", t0, "op-1", 3, 20));
        CallEvent last = events.get(events.size() - 1);
        events.add(new RecordingFinished(EventId.random(), call, last.at().plusMillis(5), pbxFile));
        events.forEach(publisher::accept);
    }
}
