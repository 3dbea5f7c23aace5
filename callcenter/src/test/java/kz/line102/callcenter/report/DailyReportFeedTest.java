package kz.line102.callcenter.report;

import static kz.line102.callcenter.report.ReportFixtures.DUTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.dispatch.DutySheetService;
import kz.line102.callcenter.incident.IncidentFields;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.Watches;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The report feed route: every registered card of a watch in its report, with where it got to. */
@CallcenterTest
class DailyReportFeedTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    IncidentProperties props;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DailyReportService reports;
    @Autowired
    Watches watches;
    @Autowired
    DutySheetService sheet;

    ReportFixtures f;

    @BeforeEach
    void fixtures() {
        f = new ReportFixtures(incidents, jobs, props, jdbc);
    }

    @Test
    void everyRegisteredCardOfTheWatchIsInItsReportWithItsOutcome() {
        LocalDate day = f.freshDay();
        Instant noon = f.at(day, LocalTime.NOON);
        UUID registered = f.registered("OTHER", "information", "ул. Абая, 10", noon);
        UUID dispatched = f.registered("ADMINISTRATIVE_OFFENCE", "domestic-conflict", "мкр. Самал-2, 58", noon);
        UUID workedOff = f.registered("INCIDENT", "road-accident", null, noon.plusSeconds(60));
        UUID closed = f.registered("CRIMINAL_OFFENCE", "theft", "пр. Достык, 5", noon.plusSeconds(120));
        // A unit sent to the card, as the duty sheet's timeline records it.
        var unit = sheet.register("ПА-" + ReportFixtures.digits(5), "patrol", "report-admin");
        jdbc.update("insert into unit_status_history (unit_id, status, by_user, incident_id) values (?, 'dispatched',"
                + " 'report-duty', ?)", unit.id(), dispatched);

        incidents.dispatch(DUTY, dispatched, f.version(dispatched), null);
        incidents.workOff(DUTY, workedOff, f.version(workedOff), "Составлен протокол, помощь оказана", null);
        incidents.workOff(DUTY, closed, f.version(closed), "Заявитель доставлен в ОП", null);
        incidents.close(DUTY, closed, f.version(closed), null);

        assertThat(f.lineStatus(dispatched)).isEqualTo("DISPATCHED");
        assertThat(f.lineStatus(workedOff)).isEqualTo("WORKED_OFF");
        assertThat(f.lineStatus(closed)).isEqualTo("CLOSED");
        DailyReport report = reports.report(watches.of(day));
        Map<UUID, ReportLine> lines = report.lines().stream()
                .collect(Collectors.toMap(ReportLine::incidentId, Function.identity()));
        assertThat(lines).containsOnlyKeys(registered, dispatched, workedOff, closed);
        assertThat(lines.get(registered).status()).isEqualTo("REGISTERED");
        assertThat(lines.get(registered).kuiNumber()).isEqualTo(incidents.get(registered).kuiNumber());
        assertThat(lines.get(registered).sceneAddress()).isEqualTo("ул. Абая, 10");
        assertThat(lines.get(dispatched).units()).containsExactly(unit.callSign());
        assertThat(lines.get(workedOff).result()).isEqualTo("Составлен протокол, помощь оказана");
        assertThat(lines.get(workedOff).sceneUnknown()).isTrue();
        assertThat(lines.get(closed).result()).isEqualTo("Заявитель доставлен в ОП");
        assertThat(lines.get(closed).closedAt()).isNotNull();
        assertThat(lines.get(closed).callerName()).isEqualTo("Сейтқали Әбілқайыр");
        assertThat(report.state()).isEqualTo("open");
        assertThat(report.ended()).isTrue();
        assertThat(report.totals().cards()).isEqualTo(4);
        assertThat(report.totals().byCategory()).containsEntry("CRIMINAL_OFFENCE", 1).containsEntry("OTHER", 1);
        assertThat(report.totals().byType()).containsEntry("theft", 1).containsEntry("road-accident", 1);
        assertThat(report.totals().byOutcome()).containsEntry("CLOSED", 1).containsEntry("WORKED_OFF", 1)
                .containsEntry("DISPATCHED", 1).containsEntry("REGISTERED", 1);
        assertThat(report.types().get("theft")).containsEntry("ru", "Кража").containsEntry("kk", "Ұрлық");
        assertThat(report.lines()).extracting(ReportLine::registeredAt).isSorted();
    }

    @Test
    void aCardRegisteredAt0759IsInTheWatchBeforeAndOneAt0800InTheWatchThatStarts() {
        LocalDate day = f.freshDay();
        LocalDate next = day.plusDays(1);
        UUID late = f.registered("OTHER", "information", "ул. Кенесары, 1", f.at(next, LocalTime.of(7, 59)));
        UUID early = f.registered("OTHER", "information", "ул. Кенесары, 2", f.at(next, LocalTime.of(8, 0)));
        UUID last = f.registered("OTHER", "information", "ул. Кенесары, 3",
                f.at(next, LocalTime.of(7, 59, 59, 999_999_000)));

        assertThat(watches.containing(f.at(next, LocalTime.of(7, 59))).day()).isEqualTo(day);
        assertThat(watches.containing(f.at(next, LocalTime.of(8, 0))).day()).isEqualTo(next);
        assertThat(reports.report(watches.of(day)).lines()).extracting(ReportLine::incidentId)
                .containsExactly(late, last);
        assertThat(reports.report(watches.of(next)).lines()).extracting(ReportLine::incidentId)
                .containsExactly(early);
        assertThat(watches.of(day).end()).isEqualTo(f.at(next, LocalTime.of(8, 0)));
    }

    @Test
    void aJobRunAgainChangesNothing() {
        LocalDate day = f.freshDay();
        UUID id = f.registered("OTHER", "information", "ул. Абая, 12", f.at(day, LocalTime.of(9, 0)));
        IncidentJob done = jobs.forIncident(id).stream().filter(j -> j.step().equals(DailyReportFeed.STEP))
                .reduce((a, b) -> b).orElseThrow();
        ReportLine before = reports.report(watches.of(day)).lines().get(0);
        Instant written = jdbc.queryForObject("select updated_at from report_lines where incident_id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), id);

        assertThat(jobs.replay(done.id())).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> jobs.find(done.id()).orElseThrow().status().equals("done"));

        assertThat(reports.report(watches.of(day)).lines()).containsExactly(before);
        Instant rewritten = jdbc.queryForObject("select updated_at from report_lines where incident_id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), id);
        assertThat(rewritten).isEqualTo(written);
    }

    @Test
    void aJobLeftRunningByANodeThatDiedIsTakenAgainWhenItsLeaseRunsOut() {
        LocalDate day = f.freshDay();
        UUID id = f.registered("OTHER", "information", "ул. Абая, 14", f.at(day, LocalTime.of(10, 0)));
        // The node died after claiming the job for the card's last change, before writing the line.
        jdbc.update("update incidents set result = 'ответ дан по телефону', version = version + 1 where id = ?", id);
        jdbc.update("""
                insert into incident_jobs (incident_id, step, target, status, attempts, lease_until, claimed_by)
                values (?, 'report', 'restart-test', 'running', 1, clock_timestamp() - interval '1 second',
                    'dead-node')""", id);

        await().atMost(Duration.ofSeconds(20)).until(() -> "ответ дан по телефону".equals(
                reports.report(watches.of(day)).lines().get(0).result()));
        IncidentJob resumed = jobs.forIncident(id).stream().filter(j -> j.target().equals("restart-test"))
                .findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.find(resumed.id()).orElseThrow().status()
                .equals("done"));
        assertThat(jobs.find(resumed.id()).orElseThrow().claimedBy()).isNotEqualTo("dead-node");
        assertThat(jobs.find(resumed.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void anEditOfARegisteredCardReachesItsLineWithoutAStatusChange() {
        LocalDate day = f.freshDay();
        UUID id = f.registered("OTHER", "information", "ул. Абая, 16", f.at(day, LocalTime.of(11, 0)));
        incidents.edit(DUTY, id, f.version(id), new IncidentFields("INCIDENT", "road-accident", 1, null, null, null,
                "пересечение Абая и Сейфуллина", null, null, false, "Столкновение двух машин", null, null, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> "road-accident".equals(
                reports.report(watches.of(day)).lines().get(0).typeCode()));
        ReportLine line = reports.report(watches.of(day)).lines().get(0);
        assertThat(line.sceneAddress()).isEqualTo("пересечение Абая и Сейфуллина");
        assertThat(line.priority()).isEqualTo(1);
        assertThat(line.cardVersion()).isEqualTo(f.version(id));
    }

    @Test
    void draftsAndCancelledCardsAreNotInAnyReport() {
        UUID draft = incidents.open(ReportFixtures.OPERATOR, null).incident().id();
        incidents.cancel(ReportFixtures.OPERATOR, draft, 1, null);
        assertThat(jobs.forIncident(draft)).extracting(IncidentJob::step).doesNotContain(DailyReportFeed.STEP);
        assertThat(jdbc.queryForObject("select count(*) from report_lines where incident_id = ?", Integer.class,
                draft)).isZero();
    }
}
