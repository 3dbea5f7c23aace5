package kz.line102.callcenter.report;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.incident.Actor;
import kz.line102.callcenter.incident.IncidentFields;
import kz.line102.callcenter.incident.IncidentProperties;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cards in watches of the past, for report tests. Cards are made and registered through
 * {@link IncidentService}; the database stamps {@code registered_at} with its own clock
 * (no application clock reaches it), so a card is then moved into the wanted watch by
 * setting that one column, and its line fed again. Each test takes a watch of its own in
 * 2001-2019 that nothing else in the database uses: signing it off freezes nobody else's
 * cards, whatever ran before in this database.
 */
record ReportFixtures(IncidentService incidents, IncidentJobs jobs, IncidentProperties props, JdbcTemplate jdbc) {

    static final Actor OPERATOR = Actor.operator("report-op");
    static final Actor DUTY = Actor.supervisor("report-duty");

    /** A day whose watch, and the next one, have no report lines and no sign-off. */
    LocalDate freshDay() {
        while (true) {
            LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 6900));
            Integer used = jdbc.queryForObject("""
                    select (select count(*) from report_lines where watch_day in (?, ?))
                         + (select count(*) from report_signoffs where watch_day in (?, ?))""", Integer.class,
                    day, day.plusDays(1), day, day.plusDays(1));
            if (used == 0) {
                return day;
            }
        }
    }

    /** The instant of local {@code time} on {@code date} in the centre's zone. */
    Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(props.zone()).toInstant();
    }

    /** A complete card of {@code type}, registered, then moved to {@code registeredAt}. */
    UUID registered(String category, String type, String address, Instant registeredAt) {
        UUID id = incidents.open(OPERATOR, null).incident().id();
        incidents.edit(OPERATOR, id, 1, new IncidentFields(category, type, 2, "+77172555" + digits(3),
                "Сейтқали Әбілқайыр", null, address, null, null, address == null, "Шум и драка во дворе", null,
                null, null));
        incidents.submit(OPERATOR, id, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> incidents.get(id).status() == IncidentStatus.REGISTERED);
        fedFully(id);
        move(id, registeredAt);
        return id;
    }

    /** Sets the card's registration time and waits until its line says so. */
    void move(UUID id, Instant registeredAt) {
        jdbc.update("update incidents set registered_at = ? where id = ?", Timestamp.from(registeredAt), id);
        jobs.enqueue(id, DailyReportFeed.STEP, "test-moved-" + UUID.randomUUID(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> registeredAt.equals(jdbc.query(
                "select registered_at from report_lines where incident_id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), id).stream().findFirst().orElse(null)));
        fedFully(id);
    }

    /** Waits until no feed job of the card is left to run. */
    void fedFully(UUID id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from incident_jobs where incident_id = ? and step = 'report'
                    and status in ('pending', 'running')""", Integer.class, id) == 0);
    }

    /** The card's line's state, once its feed jobs have run. */
    String lineStatus(UUID id) {
        fedFully(id);
        return jdbc.query("select status from report_lines where incident_id = ?", (rs, n) -> rs.getString(1), id)
                .stream().findFirst().orElse(null);
    }

    int version(UUID id) {
        return incidents.get(id).version();
    }

    static String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(ThreadLocalRandom.current().nextInt(10));
        }
        return b.toString();
    }
}
