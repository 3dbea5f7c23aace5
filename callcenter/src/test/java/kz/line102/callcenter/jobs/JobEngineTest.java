package kz.line102.callcenter.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job engine on its own, over the real {@code incident_jobs}: several runners with
 * node names of their own stand for several nodes. Each test uses a step of its own
 * that no route of the application handles, so only the test's runners touch its jobs.
 */
@CallcenterTest
class JobEngineTest {

    @Autowired
    IncidentJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    String step;
    MeterRegistry meters;

    record Settings(Duration pollInterval, Duration lease, int maxAttempts, Duration retryMin, Duration retryMax,
                    int consumers) implements JobSettings {
    }

    static final Settings QUICK = new Settings(Duration.ofSeconds(1), Duration.ofSeconds(30), 3,
            Duration.ofMillis(100), Duration.ofMillis(150), 1);

    @BeforeEach
    void ownStep() {
        step = "engine-test-" + UUID.randomUUID();
        meters = new SimpleMeterRegistry();
    }

    private List<UUID> enqueue(int n) {
        List<IncidentJobs.CallJob> added = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            added.add(new IncidentJobs.CallJob(UUID.randomUUID(), "t" + i, null));
        }
        jobs.enqueueForCalls(jdbc, step, added);
        return added.stream().map(IncidentJobs.CallJob::callId).toList();
    }

    private Map<String, Object> row(UUID callId) {
        return jdbc.queryForMap("select * from incident_jobs where call_id = ? and step = ?", callId, step);
    }

    private JobRunner<IncidentJob> runner(String node, Settings settings, JobHandler<IncidentJob> handler) {
        return new JobRunner<>(JobStep.of("engine-test", step, jobs, settings, handler), meters, node);
    }

    private double count(String outcome) {
        return meters.get("line102.jobs." + outcome).tag("step", step).counter().count();
    }

    @Test
    void aJobHeldByANodeThatDiedIsTakenOverOnlyWhenItsLeaseRunsOut() {
        UUID call = enqueue(1).get(0);
        Settings shortLease = new Settings(QUICK.pollInterval(), Duration.ofMillis(700), 3, QUICK.retryMin(),
                QUICK.retryMax(), 1);
        // The first node claims the job and dies before finishing it.
        assertThat(jobs.claimDue(step, 10, shortLease.lease(), "node-that-died")).hasSize(1);
        List<Long> ran = new CopyOnWriteArrayList<>();
        JobRunner<IncidentJob> survivor = runner("survivor", shortLease, job -> ran.add(job.id()));

        survivor.drain();
        assertThat(ran).as("the lease still holds").isEmpty();
        assertThat(row(call).get("claimed_by")).isEqualTo("node-that-died");

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            survivor.drain();
            return !ran.isEmpty();
        });
        Map<String, Object> done = row(call);
        assertThat(done.get("status")).isEqualTo("done");
        assertThat(done.get("claimed_by")).isEqualTo("survivor");
        assertThat(done.get("attempts")).isEqualTo(2);
        assertThat(ran).hasSize(1);
    }

    @Test
    void aFailingJobIsRetriedWithADoublingWaitAndParkedAsDeadAfterItsAttempts() {
        UUID call = enqueue(1).get(0);
        AtomicInteger tries = new AtomicInteger();
        List<IncidentJob> told = new CopyOnWriteArrayList<>();
        JobRunner<IncidentJob> runner = new JobRunner<>(JobStep.of("engine-test", step, jobs, QUICK, job -> {
            tries.incrementAndGet();
            throw new IllegalStateException("registry down");
        }).onDead(told::add), meters, "node-a");

        runner.drain();
        Map<String, Object> first = row(call);
        assertThat(first.get("status")).isEqualTo("pending");
        assertThat(first.get("last_error")).isEqualTo("java.lang.IllegalStateException: registry down");
        long waitMs = ((Timestamp) first.get("next_attempt_at")).getTime()
                - ((Timestamp) first.get("updated_at")).getTime();
        assertThat(waitMs).as("retry-min after the first failure").isBetween(90L, 110L);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            runner.drain();
            return "dead".equals(row(call).get("status"));
        });
        assertThat(tries.get()).isEqualTo(3);
        assertThat(row(call).get("attempts")).isEqualTo(3);
        assertThat(count("retried")).isEqualTo(2);
        assertThat(count("dead")).isEqualTo(1);
        assertThat(count("done")).isZero();
        assertThat(told).hasSize(1);

        runner.drain();
        assertThat(tries.get()).as("a dead job is not run again").isEqualTo(3);
    }

    @Test
    void theWaitDoublesPerAttemptUpToTheLongest() {
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(5);
        assertThat(JobSettings.backoff(1, min, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(JobSettings.backoff(2, min, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(JobSettings.backoff(3, min, max)).isEqualTo(Duration.ofSeconds(4));
        assertThat(JobSettings.backoff(9, min, max)).isEqualTo(Duration.ofSeconds(256));
        assertThat(JobSettings.backoff(10, min, max)).isEqualTo(max);
        assertThat(JobSettings.backoff(500, min, max)).isEqualTo(max);
    }

    @Test
    void aJobThatCannotRunIsParkedAtOnce() {
        UUID call = enqueue(1).get(0);
        runner("node-a", QUICK, job -> {
            throw new JobCannotRunException("target 'erdr' is not configured");
        }).drain();
        Map<String, Object> dead = row(call);
        assertThat(dead.get("status")).isEqualTo("dead");
        assertThat(dead.get("attempts")).isEqualTo(1);
        assertThat(dead.get("last_error")).isEqualTo("target 'erdr' is not configured");
        assertThat(count("dead")).isEqualTo(1);
        assertThat(count("retried")).isZero();
    }

    @Test
    void aDeadJobReplayedTwiceAtOnceRunsExactlyOnceMore() throws Exception {
        UUID call = enqueue(1).get(0);
        runner("node-a", QUICK, job -> {
            throw new JobCannotRunException("operator store away");
        }).drain();
        long id = ((Number) row(call).get("id")).longValue();

        // Two IT staff press replay at the same moment.
        CountDownLatch go = new CountDownLatch(1);
        Callable<Boolean> replay = () -> {
            go.await();
            return jobs.replay(id);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(replay);
            Future<Boolean> b = pool.submit(replay);
            go.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        assertThat(row(call).get("attempts")).as("fresh attempts").isEqualTo(0);
        assertThat(jobs.replay(id)).as("a pending job is not replayed").isFalse();

        AtomicInteger runs = new AtomicInteger();
        JobRunner<IncidentJob> node = runner("node-b", QUICK, job -> runs.incrementAndGet());
        node.drain();
        node.drain();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(row(call).get("status")).isEqualTo("done");
    }

    @Test
    void concurrentClaimersOnSeveralNodesNeverRunAJobTwice() throws Exception {
        int n = 300;
        enqueue(n);
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<JobRunner<IncidentJob>> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(new JobRunner<>(JobStep.of("engine-test", step, jobs, QUICK,
                    (IncidentJob job) -> runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet())
                    .batch(7), meters, "node-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> drains = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JobRunner<IncidentJob> node = nodes.get(i % nodes.size());
                drains.add(pool.submit(() -> {
                    go.await();
                    node.drain();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : drains) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(runs).hasSize(n);
        assertThat(runs.values()).allSatisfy(r -> assertThat(r.get()).isEqualTo(1));
        assertThat(jdbc.queryForObject("select count(*) from incident_jobs where step = ? and status = 'done'"
                + " and attempts = 1", Integer.class, step)).isEqualTo(n);
        assertThat(count("claimed")).isEqualTo(n);
        assertThat(count("done")).isEqualTo(n);
    }

    @Test
    void theOldestWaitingJobIsMeasuredPerStep() {
        JobRunner<IncidentJob> runner = runner("node-a", QUICK, job -> { });
        io.micrometer.core.instrument.Gauge oldest = meters.get("line102.jobs.oldest.waiting").tag("step", step)
                .gauge();
        assertThat(oldest.value()).as("nothing waiting").isZero();
        enqueue(2);
        jdbc.update("update incident_jobs set created_at = clock_timestamp() - interval '90 seconds'"
                + " where step = ? and target = 't0'", step);
        assertThat(oldest.value()).isBetween(89.0, 120.0);
        runner.drain();
        assertThat(oldest.value()).isZero();
        assertThat(count("claimed")).isEqualTo(2);
    }
}
