package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention purge of the journals and the serious-event reports. The years are long past
 * (the database refuses an expiry in its own future) and drawn at random, so a run never meets
 * the years of an earlier one that failed half-way; the purge is run at a time each test chooses.
 */
@CallcenterTest
@ExtendWith(OutputCaptureExtension.class)
class WatchRetentionTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WatchProperties props;
    @Autowired
    RetentionSweeper sweeper;
    @Autowired
    SeriousReportProperties reports;

    private static int oldYear() {
        return 1900 + ThreadLocalRandom.current().nextInt(80);
    }

    private long watchIn(int year) {
        while (true) {
            Instant start = LocalDate.of(year, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(360))
                    .atTime(props.startsAt()).atZone(props.zone()).toInstant();
            Long id = jdbc.query("""
                    insert into watches (starts_at, ends_at, shift_no) values (?, ?, 1) on conflict (starts_at) do nothing
                    returning id""", rs -> rs.next() ? rs.getLong(1) : null, Timestamp.from(start),
                    Timestamp.from(start.plus(Duration.ofHours(24))));
            if (id != null) {
                return id;
            }
        }
    }

    /** An entry written straight into the table, as the journal engine would have in that year. */
    private long entry(String kind, int year, int number, Long corrects, String fields, Instant deadline) {
        return jdbc.queryForObject("""
                insert into watch_entries (kind, year, number, watch_id, author, text, corrects, fields, deadline_at)
                values (?, ?, ?, ?, 'keep-duty', 'запись', ?, ?::jsonb, ?) returning id""", Long.class, kind, year, number,
                watchIn(year), corrects, fields, deadline == null ? null : Timestamp.from(deadline));
    }

    private int count(String kind, int year) {
        return jdbc.queryForObject("select count(*) from watch_entries where kind = ? and year = ?", Integer.class, kind, year);
    }

    private int audited(String kind, int year) {
        return jdbc.queryForObject("""
                select count(*) from watch_audit where action = 'journal-year-purged' and detail->>'journal' = ?
                  and (detail->>'year')::int = ?""", Integer.class, kind, year);
    }

    private Instant expiry(String kind, int year) {
        return sweeper.expiry(year, props.journals().get(kind).retention());
    }

    @Test
    void aYearPastItsRetentionGoesWithItsAttachmentsLinksAndCorrectionsAndAYearOneDayShortStays() {
        int kept = oldYear() + 1;
        int gone = kept - 1;
        long first = entry("notebook", gone, 1, null, "{}", null);
        entry("notebook", gone, 2, first, "{}", null);
        jdbc.update("""
                insert into watch_attachments (entry_id, name, content_type, size, sha256, content, added_by)
                values (?, 'скан.pdf', 'application/pdf', 3, repeat('a', 64), 'pdf'::bytea, 'keep-duty')""", first);
        jdbc.update("insert into watch_entry_incidents (entry_id, incident_id, kui_number, linked_by) values (?, ?, '1', 'keep-duty')",
                first, UUID.randomUUID());
        entry("notebook", kept, 1, null, "{}", null);

        RetentionSweeper.Report report = sweeper.run(expiry("notebook", kept).minus(Duration.ofDays(1)));

        assertThat(report.ran()).isTrue();
        assertThat(report.removed()).contains(new RetentionSweeper.Removed("notebook", gone, 2));
        assertThat(count("notebook", gone)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from watch_attachments where entry_id = ?", Integer.class, first)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from watch_entry_incidents where entry_id = ?", Integer.class, first)).isZero();
        assertThat(count("notebook", kept)).isEqualTo(1);
        assertThat(audited("notebook", kept)).isZero();
        assertThat(jdbc.queryForMap("""
                select detail->>'count' c, detail->>'attachments' a, detail->>'incidentLinks' l, detail->>'rule' r, actor
                from watch_audit where action = 'journal-year-purged' and detail->>'journal' = 'notebook'
                  and (detail->>'year')::int = ?""", gone))
                .containsEntry("c", "2").containsEntry("a", "1").containsEntry("l", "1")
                .containsEntry("r", "retention P5Y after the end of the year").containsEntry("actor", "system");

        sweeper.run(expiry("notebook", kept));
        assertThat(count("notebook", kept)).isZero();
        assertThat(audited("notebook", kept)).isEqualTo(1);
    }

    @Test
    void aYearWithAnUnreportedCrimeOrAnUndeliveredMessageWaitsAndTheLogSaysWhy(CapturedOutput output) {
        int year = oldYear();
        // Its deadline lies ahead so the deadline pass raises no alert for it meanwhile; unreported is what holds the year.
        long crime = entry("telegrams-in", year, 1, null, "{\"crime\":\"true\"}", Instant.parse("2999-01-01T00:00:00Z"));
        long sent = entry("telegrams-out", year, 1, null, "{\"addressee\":\"ДП области\"}", null);
        Instant after = expiry("telegrams-in", year).plus(Duration.ofDays(1));

        RetentionSweeper.Report report = sweeper.run(after);

        assertThat(report.waiting()).contains(new RetentionSweeper.Waiting("telegrams-in", year, "unreported-crime"),
                new RetentionSweeper.Waiting("telegrams-out", year, "undelivered"));
        assertThat(count("telegrams-in", year)).isEqualTo(1);
        assertThat(count("telegrams-out", year)).isEqualTo(1);
        assertThat(output.getOut()).contains("journal=telegrams-in year " + year + " kept past its retention")
                .contains("unreported-crime");
        assertThat(audited("telegrams-in", year)).isZero();

        // Reported to the chief and the delivery confirmed, both in the same year: the year goes.
        entry("telegrams-in", year, 2, crime, "{\"reportedTo\":\"начальник\"}", null);
        entry("telegrams-out", year, 2, sent, "{\"deliveryConfirmed\":\"да\"}", null);
        sweeper.run(after);
        assertThat(count("telegrams-in", year)).isZero();
        assertThat(count("telegrams-out", year)).isZero();
        assertThat(audited("telegrams-in", year)).isEqualTo(1);
    }

    @Test
    void twoNodesPurgingAtOnceRemoveAndAuditEachYearOnce() throws Exception {
        int year = oldYear();
        for (int n = 1; n <= 30; n++) {
            entry("faxes-in", year, n, null, "{}", null);
        }
        Instant after = expiry("faxes-in", year).plus(Duration.ofDays(1));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<RetentionSweeper.Report>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(() -> {
                    go.await();
                    return sweeper.run(after);
                }));
            }
            go.countDown();
            int removed = 0;
            for (Future<RetentionSweeper.Report> r : runs) {
                removed += r.get(60, TimeUnit.SECONDS).removed().stream()
                        .filter(x -> x.journal().equals("faxes-in") && x.year() == year).mapToInt(RetentionSweeper.Removed::count).sum();
            }
            assertThat(removed).isEqualTo(30);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(count("faxes-in", year)).isZero();
        assertThat(audited("faxes-in", year)).isEqualTo(1);
    }

    @Test
    void seriousReportsOfAnExpiredYearGoWhenDeliveredAndAnUnsignedOneHoldsItsYear() {
        int year = oldYear();
        Timestamp drafted = Timestamp.from(LocalDate.of(year, 6, 1).atStartOfDay(props.zone()).toInstant());
        long delivered = report(drafted);
        jdbc.update("insert into watch_serious_report_signatures (report_id, version, signed_by) values (?, 1, 'keep-chief')",
                delivered);
        jdbc.update("insert into watch_serious_report_deliveries (idempotency_key, report_id) values (?, ?)",
                UUID.randomUUID().toString(), delivered);
        long draft = report(drafted);
        Instant after = sweeper.expiry(year, reports.retention()).plus(Duration.ofDays(1));

        RetentionSweeper.Report waits = sweeper.run(after);
        assertThat(waits.waiting()).contains(new RetentionSweeper.Waiting("serious-reports", year, "unsigned-report"));
        assertThat(jdbc.queryForObject("select count(*) from watch_serious_reports where id in (?, ?)", Integer.class,
                delivered, draft)).isEqualTo(2);

        jdbc.update("insert into watch_serious_report_signatures (report_id, version, signed_by) values (?, 1, 'keep-chief')", draft);
        jdbc.update("insert into watch_serious_report_deliveries (idempotency_key, report_id) values (?, ?)",
                UUID.randomUUID().toString(), draft);
        sweeper.run(after);
        assertThat(jdbc.queryForObject("select count(*) from watch_serious_reports where id in (?, ?)", Integer.class,
                delivered, draft)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from watch_serious_report_versions where report_id in (?, ?)",
                Integer.class, delivered, draft)).isZero();
        assertThat(audited("serious-reports", year)).isEqualTo(1);
    }

    private long report(Timestamp drafted) {
        long id = jdbc.queryForObject("""
                insert into watch_serious_reports (incident_id, kui_number, drafted_by, drafted_at) values (?, '1', 'keep-duty', ?)
                returning id""", Long.class, UUID.randomUUID(), drafted);
        jdbc.update("""
                insert into watch_serious_report_versions (report_id, version, event_type, place, what_happened, units, measures,
                    edited_by) values (?, 1, 'ДТП', '', 'x', '', '', 'keep-duty')""", id);
        return id;
    }
}
