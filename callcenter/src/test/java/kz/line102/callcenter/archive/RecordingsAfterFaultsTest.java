package kz.line102.callcenter.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.call.CallQuery;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.call.JdbcCallRepository;
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
import kz.line102.recorder.retention.PurgeCandidate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Recordings through the faults that used to lose them: the application killed while
 * calls were up (their files stay in the spool, no event will come), a recording with no
 * call record, and a card whose category decides how long its recording is kept.
 */
class RecordingsAfterFaultsTest extends IntakeTestSupport {

    static final Path FIXTURE = RecordingIngestAfterIntakeTest.FIXTURE;
    static final Path SPOOL = RecordingIngestAfterIntakeTest.SPOOL;

    @Autowired
    RecordingService recordings;
    @Autowired
    RecorderSettings settings;
    @Autowired
    DataSource ds;
    @Autowired
    IncidentService incidents;
    @Autowired
    UserService users;
    @Autowired
    JdbcCallRepository callRecords;
    @Value("${line102.cti.ami.pbx}")
    String pbx;

    @Test
    void threeCallsUpWhenTheApplicationDiedAreArchivedLinkedToTheirCallsAfterTheRestart() throws Exception {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        List<CallId> calls = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Files.createDirectories(SPOOL);
        for (int i = 0; i < 3; i++) {
            String linkedId = linkedId();
            CallId call = CallId.derive(pbx, linkedId);
            // Answered and talking when the process was killed: no hang-up, no RecordingFinished.
            List<CallEvent> events = answered(call, "+7717212000" + i, t0, "op-" + i, 3, 60);
            events.subList(0, 5).forEach(publisher::accept);
            calls.add(call);
            files.add(leftInSpool("102-20261204-065118-" + linkedId + ".wav"));
        }
        for (CallId call : calls) {
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "select count(*) from calls where id = ?::uuid and answered_at is not null", Integer.class,
                    call.value()) == 1);
        }

        // The restarted node: a recorder of its own on the same database and spool.
        try (RecordingService restarted = new RecordingService(settings.toRecorder(true), ds, Clock.systemUTC(),
                new SimpleMeterRegistry(), new CallRecordResolver(jdbc, List.of(pbx)))) {
            restarted.sweepOrphans();

            for (int i = 0; i < 3; i++) {
                CallId call = calls.get(i);
                Recording r = await().atMost(Duration.ofSeconds(90)).until(() -> recordings.search(
                        RecordingQuery.all(5).callId(call.value())).items(), l -> !l.isEmpty()).get(0);
                assertThat(r.orphan()).isFalse();
                assertThat(r.callerNumber()).isEqualTo("+7717212000" + i);
                assertThat(r.operator()).isEqualTo("op-" + i);
                assertThat(r.callAt()).isEqualTo(t0);
                String file = files.get(i);
                await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(SPOOL.resolve(file)));
            }
            assertThat(restarted.sweepOrphans()).as("nothing claimed twice").isZero();
        }
    }

    @Test
    void aRecordingWithoutACallIsAnOrphanUntilItsCallRecordTurnsUp() throws Exception {
        String linkedId = linkedId();
        CallId call = CallId.derive(pbx, linkedId);
        Files.createDirectories(SPOOL);
        leftInSpool("102-20261204-065118-" + linkedId + ".wav");

        recordings.sweepOrphans();
        Recording orphan = await().atMost(Duration.ofSeconds(90)).until(() -> recordings.search(
                RecordingQuery.all(5).callId(call.value())).items(), l -> !l.isEmpty()).get(0);
        assertThat(orphan.orphan()).isTrue();
        assertThat(recordings.search(RecordingQuery.all(500).orphan(true)).items()).extracting(Recording::id)
                .contains(orphan.id());

        // The call is rebuilt later (from the PBX's logs): the recording is its own.
        answered(call, "+77172129999", Instant.now().minusSeconds(300), "op-9", 3, 20).forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(20)).until(() -> recordings.find(orphan.id()).orElseThrow(),
                r -> !r.orphan() && "+77172129999".equals(r.callerNumber()));
    }

    @Test
    void aCriminalOffenceCardKeepsItsRecordingThroughAPurgeThirteenMonthsLater() throws Exception {
        // The duty officer opens the card: these calls rang at no operator's desk (need to know).
        String operator = Api.user(users, "retention-supervisor", Role.SUPERVISOR);
        Files.createDirectories(SPOOL);
        CallId criminal = recordedCall("+77172120101");
        CallId plain = recordedCall("+77172120102");
        UUID card = incidents.open(Actor.supervisor(operator), UUID.fromString(criminal.value())).incident().id();
        jdbc.update("update incidents set category = 'CRIMINAL_OFFENCE', updated_at = clock_timestamp() where id = ?",
                card);

        Recording kept = await().atMost(Duration.ofSeconds(30)).until(() -> recordings.search(
                RecordingQuery.all(5).callId(criminal.value())).items().get(0),
                r -> "criminal-offence".equals(r.retentionClass()) && card.toString().equals(r.incidentId()));
        Recording other = recordings.search(RecordingQuery.all(5).callId(plain.value())).items().get(0);
        assertThat(other.retentionClass()).isEqualTo("audio");

        // Thirteen months on: both calls that old.
        jdbc.update("update recordings set call_at = now() - interval '13 months',"
                + " retain_from = now() - interval '13 months' where id in (?, ?)", kept.id(), other.id());
        jdbc.update("delete from retention_clock");
        List<UUID> purged = recordings.purge().items().stream().map(PurgeCandidate::recordingId).toList();

        assertThat(purged).contains(other.id()).doesNotContain(kept.id());
        assertThat(recordings.find(kept.id())).isPresent();

        // The card is re-classed as a plain matter: its recording follows it.
        jdbc.update("update incidents set category = 'OTHER', updated_at = clock_timestamp() where id = ?", card);
        await().atMost(Duration.ofSeconds(30)).until(() -> recordings.find(kept.id()).orElseThrow().retentionClass(),
                "audio"::equals);
    }

    @Test
    void anAuditorFindsARecordingAndItsCallByTheOperatorWhoAnsweredAsWellAsByTheDesk() throws Exception {
        String person = Api.user(users, "archive-person-op", Role.OPERATOR);
        String extension = "9" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Long userId = jdbc.queryForObject("select id from users where username = ?", Long.class, person);
        Long desk = jdbc.queryForObject("insert into workstations (name, extension, interface) values (?, ?, ?)"
                + " returning id", Long.class, "desk-" + extension, extension, "PJSIP/" + extension);
        jdbc.update("update operator_sessions set ended_at = clock_timestamp(), end_reason = 'signed-out'"
                + " where user_id = ? and ended_at is null", userId);
        jdbc.update("insert into operator_sessions (user_id, workstation_id, extension, interface, started_at)"
                + " values (?, ?, ?, ?, clock_timestamp() - interval '1 hour')", userId, desk, extension,
                "PJSIP/" + extension);
        Files.createDirectories(SPOOL);

        CallId call = recordedCall("+77172120103", extension);

        Recording r = await().atMost(Duration.ofSeconds(30)).until(() -> recordings.search(
                RecordingQuery.all(5).callId(call.value())).items().get(0), x -> person.equals(x.operatorUser()));
        assertThat(r.operator()).isEqualTo(extension);
        assertThat(recordings.search(RecordingQuery.all(5).operator(person)).items()).extracting(Recording::id)
                .contains(r.id());
        assertThat(recordings.search(RecordingQuery.all(5).operator(extension)).items()).extracting(Recording::id)
                .contains(r.id());
        // The call record names the person too, and a search by either finds it.
        assertThat(jdbc.queryForObject("select operator_user from calls where id = ?::uuid", String.class,
                call.value())).isEqualTo(person);
        assertThat(callRecords.search(new CallQuery(null, null, null, null, null, false, person, 0, 5)))
                .extracting(c -> c.id().value()).contains(call.value());
        assertThat(callRecords.search(new CallQuery(null, null, null, null, null, false, extension, 0, 5)))
                .extracting(c -> c.id().value()).contains(call.value());
        jdbc.update("update operator_sessions set ended_at = clock_timestamp(), end_reason = 'signed-out'"
                + " where user_id = ? and ended_at is null", userId);
    }

    private CallId recordedCall(String number) throws Exception {
        return recordedCall(number, "op-1");
    }

    /** A call that ended normally with its recording archived. */
    private CallId recordedCall(String number, String operator) throws Exception {
        CallId call = newCall();
        String file = "102-" + UUID.randomUUID() + ".wav";
        Files.copy(FIXTURE, SPOOL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        List<CallEvent> events = new ArrayList<>(answered(call, number,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), operator, 3, 20));
        events.add(new RecordingFinished(EventId.random(), call, events.get(events.size() - 1).at().plusMillis(5),
                "/var/spool/asterisk/monitor/" + file));
        events.forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(60)).until(() -> recordings.search(
                RecordingQuery.all(5).callId(call.value())).items(), l -> !l.isEmpty());
        return call;
    }

    /** A MixMonitor file the dead process left: closed at hang-up, last changed ten minutes ago. */
    private static String leftInSpool(String name) throws Exception {
        Path f = Files.copy(FIXTURE, SPOOL.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        return name;
    }

    /** A uniqueid as Asterisk writes them (epoch seconds, a dot, a sequence), fresh for every run. */
    private static String linkedId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return (1_900_000_000L + r.nextLong(100_000_000L)) + "." + r.nextInt(1000);
    }
}
