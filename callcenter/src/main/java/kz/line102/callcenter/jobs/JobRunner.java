package kz.line102.callcenter.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of one step, without Camel: claim, run the handler, then complete, retry
 * with back-off or park as dead, counting each outcome per step. {@link JobRoutes}
 * calls it from its wake and poll routes; tests call it directly as several nodes would.
 */
public final class JobRunner<J> {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStep<J> step;
    private final JobStore<J> store;
    private final JobSettings settings;
    private final String node;
    private final Counter claimed;
    private final Counter done;
    private final Counter retried;
    private final Counter dead;

    public JobRunner(JobStep<J> step, MeterRegistry meters, String node) {
        this.step = step;
        this.store = step.store();
        this.settings = step.settings();
        this.node = node;
        this.claimed = counter(meters, "claimed", "jobs claimed (a retry or a takeover is claimed again)");
        this.done = counter(meters, "done", "jobs completed");
        this.retried = counter(meters, "retried", "failed attempts given back for a later try");
        this.dead = counter(meters, "dead", "jobs parked as dead, to be replayed by IT staff");
        Gauge.builder("line102.jobs.oldest.waiting", this, JobRunner::oldestWaitingSeconds).tag("step", step.step())
                .baseUnit("seconds").description("age of the oldest job not yet done or dead").register(meters);
    }

    private Counter counter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("line102.jobs." + outcome).tag("step", step.step()).description(description)
                .register(meters);
    }

    private double oldestWaitingSeconds() {
        return store.oldestWaiting(step.step())
                .map(t -> Duration.between(t, Instant.now()).toMillis() / 1000.0).orElse(0.0);
    }

    /** Runs due jobs until a claim comes back short of a full batch. */
    public void drain() {
        List<J> due;
        do {
            due = store.claimDue(step.step(), step.batch(), settings.lease(), node);
            claimed.increment(due.size());
            due.forEach(this::run);
        } while (due.size() == step.batch());
    }

    /** Runs the job of one key if it is due and nobody holds it; without key mode, drains. */
    public void wake(UUID key) {
        if (key == null || !step.wakeByKey()) {
            drain();
            return;
        }
        store.claim(step.step(), key, settings.lease(), node).ifPresent(job -> {
            claimed.increment();
            run(job);
        });
    }

    /**
     * Runs one claimed job. A failure of the job table itself (the database away) is not
     * caught: the job keeps its lease and is claimed again when it runs out.
     */
    void run(J job) {
        try {
            step.handler().handle(job);
        } catch (JobCannotRunException e) {
            park(job, e.getMessage(), e);
            return;
        } catch (Exception e) {
            failed(job, e);
            return;
        }
        store.complete(job);
        done.increment();
    }

    private void failed(J job, Exception e) {
        int attempts = store.attempts(job);
        String error = e.toString();
        if (attempts >= settings.maxAttempts()) {
            park(job, error, e);
            return;
        }
        Duration wait = JobSettings.backoff(attempts, settings.retryMin(), settings.retryMax());
        store.retryLater(job, error, wait);
        retried.increment();
        log.warn("{} {} attempt {} failed, next in {}: {}", store.describe(job), step.step(), attempts, wait, error);
    }

    private void park(J job, String error, Exception e) {
        store.parkDead(job, error);
        dead.increment();
        log.error("{} {} parked as dead after {} attempt(s): {}",
                store.describe(job), step.step(), store.attempts(job), error, e);
        try {
            step.onDead().accept(job);
        } catch (RuntimeException hook) {
            // The job is parked either way; only the notice of it is lost.
            log.warn("{} {} dead-job notice failed: {}", store.describe(job), step.step(), hook.toString());
        }
    }
}
