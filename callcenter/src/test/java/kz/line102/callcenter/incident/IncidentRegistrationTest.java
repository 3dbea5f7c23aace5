package kz.line102.callcenter.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * KUI numbers and the registration route, through the service. Each test registers
 * under a unit code of its own, so the numbers it sees are its own whatever else the
 * database holds.
 */
@CallcenterTest
class IncidentRegistrationTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    static String unit() {
        return "T" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
    }

    /** A complete draft of {@code operator}, under {@code unit}. */
    UUID draft(String operator, String unit) {
        UUID id = incidents.open(Actor.operator(operator), null).incident().id();
        jdbc.update("update incidents set unit_code = ? where id = ?", unit, id);
        incidents.edit(Actor.operator(operator), id, 1, new IncidentFields("INCIDENT", "road-accident", 3, null, null,
                null, null, null, null, true, "two cars collided, nobody hurt", null, null, null));
        return id;
    }

    @Test
    void concurrentRegistrationsGetEveryNumberOnceWithoutGaps() throws Exception {
        String unit = unit();
        int cards = 200;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<UUID>> submitted = new ArrayList<>();
            for (int i = 0; i < cards; i++) {
                String operator = "kui-op-" + (i % 8);
                submitted.add(pool.submit(() -> {
                    UUID id = draft(operator, unit);
                    incidents.submit(Actor.operator(operator), id, 2);
                    return id;
                }));
            }
            for (Future<UUID> f : submitted) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from incidents where unit_code = ? and status = 'REGISTERED'", Integer.class, unit),
                n -> n == cards);
        List<Integer> sequences = jdbc.queryForList(
                "select kui_sequence from incidents where unit_code = ? order by kui_sequence", Integer.class, unit);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= cards; i++) {
            expected.add(i);
        }
        assertThat(sequences).isEqualTo(expected);
        assertThat(jdbc.queryForObject("select count(distinct kui_number) from incidents where unit_code = ?",
                Integer.class, unit)).isEqualTo(cards);
        assertThat(jdbc.queryForObject("""
                select count(*) from incident_jobs j join incidents i on i.id = j.incident_id
                where i.unit_code = ? and j.step = 'register' and j.status = 'done'""", Integer.class, unit))
                .isEqualTo(cards);
    }

    @Test
    void aRegistrationThatRollsBackGivesItsNumberBack() {
        String unit = unit();
        UUID first = submittedWithoutJob(unit);
        UUID second = submittedWithoutJob(unit);
        IncidentJob none = new IncidentJob(-1, first, IncidentService.REGISTER_STEP, "", "running", 1, null, null,
                null, null, "{}", null, null, null);
        // The registration runs inside a transaction that then fails: nothing of it stays.
        tx.executeWithoutResult(s -> {
            assertThat(incidents.register(none)).isTrue();
            s.setRollbackOnly();
        });
        assertThat(incidents.get(first).status()).isEqualTo(IncidentStatus.SUBMITTED);
        assertThat(incidents.register(new IncidentJob(-1, second, IncidentService.REGISTER_STEP, "", "running", 1,
                null, null, null, null, "{}", null, null, null))).isTrue();
        assertThat(incidents.register(none)).isTrue();
        assertThat(incidents.get(second).kuiNumber()).endsWith("-000001");
        assertThat(incidents.get(first).kuiNumber()).endsWith("-000002");
        // Registering again changes nothing.
        assertThat(incidents.register(none)).isFalse();
        assertThat(incidents.get(first).kuiNumber()).endsWith("-000002");
    }

    @Test
    void aJobLeftRunningByANodeThatDiedIsTakenAgainWhenItsLeaseRunsOut() {
        String unit = unit();
        UUID orphan = submittedWithoutJob(unit);
        UUID held = submittedWithoutJob(unit);
        // One node died holding the first job; a live node holds the second for a while yet.
        jdbc.update("""
                insert into incident_jobs (incident_id, step, status, attempts, lease_until, claimed_by)
                values (?, 'register', 'running', 1, clock_timestamp() - interval '1 second', 'dead-node')""", orphan);
        jdbc.update("""
                insert into incident_jobs (incident_id, step, status, attempts, lease_until, claimed_by)
                values (?, 'register', 'running', 1, clock_timestamp() + interval '1 hour', 'live-node')""", held);

        await().atMost(Duration.ofSeconds(15)).until(() -> incidents.get(orphan).status() == IncidentStatus.REGISTERED);
        IncidentJob done = jobs.forIncident(orphan).get(0);
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.claimedBy()).isNotEqualTo("dead-node");
        assertThat(incidents.get(held).status()).isEqualTo(IncidentStatus.SUBMITTED);
        assertThat(jobs.forIncident(held).get(0).claimedBy()).isEqualTo("live-node");
    }

    @Test
    void aJobThatKeepsFailingIsParkedAsDeadAndCanBeReplayed() {
        String unit = unit();
        UUID id = submittedWithoutJob(unit);
        jdbc.update("insert into incident_jobs (incident_id, step, next_attempt_at) values (?, 'test-step', now())", id);
        IncidentJob claimed = jobs.claim("test-step", id, Duration.ofSeconds(30), "me").orElseThrow();
        assertThat(jobs.claim("test-step", id, Duration.ofSeconds(30), "other")).isEmpty();
        assertThat(jobs.fail(claimed, "registry down", 2, Duration.ofMillis(1), Duration.ofMillis(10))).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> jobs.claim("test-step", id, Duration.ofSeconds(30), "me"),
                j -> j.isPresent() && j.get().attempts() == 2);
        IncidentJob second = jobs.forIncident(id).get(0);
        assertThat(jobs.fail(second, "registry still down", 2, Duration.ofMillis(1), Duration.ofMillis(10))).isTrue();
        IncidentJob dead = jobs.find(second.id()).orElseThrow();
        assertThat(dead.status()).isEqualTo("dead");
        assertThat(dead.lastError()).isEqualTo("registry still down");
        assertThat(jobs.byStatus("test-step", "dead", 1000)).extracting(IncidentJob::id).contains(dead.id());
        assertThat(jobs.enqueue(id, "test-step", "", null)).as("enqueued once per step and target").isFalse();

        assertThat(jobs.replay(dead.id())).isTrue();
        IncidentJob again = jobs.claim("test-step", id, Duration.ofSeconds(30), "me").orElseThrow();
        assertThat(again.attempts()).isEqualTo(1);
        jobs.complete(again.id());
        assertThat(jobs.find(again.id()).orElseThrow().status()).isEqualTo("done");
    }

    /** A card submitted without a job, so only the test decides when it is registered. */
    UUID submittedWithoutJob(String unit) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into incidents (id, status, unit_code, created_by, category, type_code, priority,
                    scene_unknown, description, submitted_at)
                values (?, 'SUBMITTED', ?, 'kui-op', 'OTHER', 'information', 4, true, 'asked the way', now())""",
                id, unit);
        return id;
    }
}
