package kz.line102.callcenter.incident.deadletter;

import kz.line102.callcenter.incident.ProblemCodes;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Lists dead jobs and replays one: pending again with fresh attempts, its flow woken at once. */
@Service
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final JdbcDeadLetters letters;
    private final IncidentJobs jobs;

    DeadLetterService(JdbcDeadLetters letters, IncidentJobs jobs, MeterRegistry meters) {
        this.letters = letters;
        this.jobs = jobs;
        Gauge.builder("line102_incident_jobs_dead", letters, JdbcDeadLetters::count)
                .description("incident jobs parked as dead, waiting for IT staff to replay them").register(meters);
    }

    public List<DeadLetter> list(String step, int limit) {
        return letters.list(step, limit);
    }

    /**
     * Only a dead job is replayed: a pending or running one is still in line, a done one is done.
     *
     * @return the job as it was when it was replayed (its flow may already have taken it again)
     */
    public IncidentJob replay(long jobId, String by) {
        IncidentJob job = jobs.find(jobId).orElseThrow(() -> new NoSuchJobException(jobId));
        if (!"dead".equals(job.status()) || !jobs.replay(jobId)) {
            IncidentJob now = jobs.find(jobId).orElseThrow(() -> new NoSuchJobException(jobId));
            throw new ConflictException(ProblemCodes.NOT_DEAD, "job " + jobId + " is '" + now.status()
                    + "'; only a dead job is replayed");
        }
        log.warn("incidentId={} job {} ({} {}) replayed by {} after: {}", job.incidentId(), jobId, job.step(),
                job.target(), by, job.lastError());
        return job;
    }
}
