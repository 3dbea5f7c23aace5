package kz.line102.recorder.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.RecorderProperties;

/**
 * Entry point of ingest: records a job for each finished recording, then works on it on a
 * bounded, named pool. Whatever the pool cannot take, or a crash interrupted, stays in
 * the job table and is picked up by {@link #resumeDue()}, which the recorder runs at
 * start-up and periodically.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final RecorderProperties.Ingest config;
    private final IngestPipeline pipeline;
    private final JdbcIngestJobRepository jobs;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    /** Jobs this node holds the lease on, claimed and not yet left: their leases are kept alive. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer;

    public IngestService(RecorderProperties.Ingest config, IngestPipeline pipeline, JdbcIngestJobRepository jobs,
                         Clock clock, MeterRegistry meters) {
        this.config = config;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(config.workers(), config.workers(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(config.queueCapacity()),
                r -> {
                    Thread t = new Thread(r, "recorder-ingest-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        // A short lease kept alive while the job is worked on: a node that dies mid-job holds its
        // jobs for one lease at most, however long an ingest may take.
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recorder-lease-renewer");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.lease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
        Gauge.builder("line102.recorder.ingest.backlog", jobs, JdbcIngestJobRepository::unfinished)
                .description("ingest jobs not finished (pending or archived)").register(meters);
        Gauge.builder("line102.recorder.ingest.missing", jobs, JdbcIngestJobRepository::missingAlerts)
                .description("recordings still missing past the alert time (must be 0: is the spool mounted?)")
                .register(meters);
    }

    /**
     * Records the job and starts it in the background. Idempotent per source file: a
     * second submit of the same file returns the first job.
     *
     * @return the job's id (the recording's id once archived)
     */
    public UUID submit(IngestRequest request, String retentionClass) {
        IngestJob job = jobs.insertOrGet(request, retentionClass, clock.instant());
        try {
            pool.execute(() -> runClaimed(job.id()));
        } catch (RejectedExecutionException e) {
            log.warn("ingest pool full: {} waits for the periodic pass", request.sourceName());
        }
        return job.id();
    }

    /** Starts an existing job in the background (the orphan sweep's); the periodic pass takes it if the pool is full. */
    public void start(UUID id) {
        try {
            pool.execute(() -> runClaimed(id));
        } catch (RejectedExecutionException e) {
            log.warn("ingest pool full: job {} waits for the periodic pass", id);
        }
    }

    /** Records the job and works on it in the caller's thread; returns it as it was left. */
    public IngestJob ingest(IngestRequest request, String retentionClass) {
        IngestJob job = jobs.insertOrGet(request, retentionClass, clock.instant());
        return jobs.claim(job.id(), clock.instant(), config.lease()).map(this::work)
                .orElseGet(() -> jobs.find(job.id()).orElseThrow());
    }

    /** Works, in the caller's thread, on every job that is due; returns how many it took. */
    public int resumeDue() {
        int total = 0;
        List<IngestJob> batch;
        do {
            batch = jobs.claimDue(clock.instant(), config.lease(), 50);
            batch.forEach(job -> held.add(job.id()));
            try {
                for (IngestJob job : batch) {
                    work(job);
                }
            } finally {
                batch.forEach(job -> held.remove(job.id()));
            }
            total += batch.size();
        } while (batch.size() == 50);
        if (total > 0) {
            log.info("resumed {} ingest jobs", total);
        }
        return total;
    }

    public Optional<IngestJob> job(UUID id) {
        return jobs.find(id);
    }

    private void runClaimed(UUID id) {
        try {
            jobs.claim(id, clock.instant(), config.lease()).ifPresent(this::work);
        } catch (RuntimeException e) {
            // The job keeps its lease and is taken up again when it ends.
            log.error("ingest job {} failed outside the pipeline; the periodic pass resumes it", id, e);
        }
    }

    private IngestJob work(IngestJob job) {
        held.add(job.id());
        try {
            return pipeline.process(job);
        } finally {
            held.remove(job.id());
        }
    }

    private void renewHeld() {
        try {
            jobs.renew(Set.copyOf(held), clock.instant(), config.lease());
        } catch (RuntimeException e) {
            // The database is away: the work cannot commit either; the next renewal tries again.
            log.warn("ingest leases of {} jobs not renewed: {}", held.size(), e.toString());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
