package kz.line102.callcenter.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import kz.line102.callcenter.call.CallHandoff;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.cti.CallCompleted;
import kz.line102.cti.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Cancels the draft of an answered call that its operator never changed, once the call's
 * wrap-up is over ({@link UntouchedDraftProperties}). When the call ends (a hand-off of the
 * intake's outbox) or when its draft opens after the call ended, a durable job of step
 * {@value #STEP} is stored, due a grace after the end; the job looks at the operator's
 * wrap-up and waits for its end, then cancels the draft if it is still untouched (version 1).
 * Both sides are jobs in the database: a node that restarts meanwhile loses none of it.
 */
@Component
@EnableConfigurationProperties(UntouchedDraftProperties.class)
class UntouchedDrafts implements CallHandoff {

    static final String STEP = "cancel-untouched";
    /** A draft that was never saved keeps the version it was opened with. */
    static final int UNTOUCHED_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(UntouchedDrafts.class);

    private final JdbcIncidentRepository repo;
    private final IncidentJobs jobs;
    private final UntouchedDraftProperties props;
    private final Clock clock;

    UntouchedDrafts(JdbcIncidentRepository repo, IncidentJobs jobs, UntouchedDraftProperties props, Clock clock) {
        this.repo = repo;
        this.jobs = jobs;
        this.props = props;
        this.clock = clock;
    }

    UntouchedDraftProperties settings() {
        return props;
    }

    @Override
    public String name() {
        return "untouched-draft";
    }

    @Override
    public boolean wants(CallEvent event) {
        return props.enabled() && event instanceof CallCompleted c && c.operator() != null;
    }

    /**
     * The call ended: its draft, if it has one yet and it is the answering operator's, is
     * looked at after the wrap-up. A card someone else opened for the call is left alone.
     */
    @Override
    public void handOff(CallEvent event, CallRecord call) {
        if (call == null || call.operatorUser() == null) {
            return;
        }
        repo.incidentOfCall(UUID.fromString(event.callId().value())).flatMap(repo::find)
                .filter(card -> card.status() == IncidentStatus.DRAFT && call.operatorUser().equals(card.createdBy()))
                .ifPresent(card -> schedule(card.id()));
    }

    /** Idempotent: one job per card. */
    void schedule(UUID incidentId) {
        if (!props.enabled()) {
            return;
        }
        if (jobs.enqueueAfter(incidentId, STEP, "", null, props.grace())) {
            log.debug("incidentId={} looked at for being untouched in {}", incidentId, props.grace());
        }
    }

    /**
     * @return how long the creator's wrap-up still runs, if it does: the draft waits for
     *     its end (a wrap-up of a later call only makes the wait longer, never shorter)
     */
    Optional<Duration> wrapUpLeft(String username) {
        Instant now = clock.instant();
        return repo.wrapUpUntil(username).filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until).plusMillis(200));
    }

    /** The job's handler, given the service that cancels (the service itself schedules through this class). */
    void handle(IncidentJob job, IncidentService incidents) {
        Incident card = repo.find(job.incidentId()).orElse(null);
        if (card == null || card.status() != IncidentStatus.DRAFT || card.version() != UNTOUCHED_VERSION) {
            return;
        }
        Optional<Duration> left = wrapUpLeft(card.createdBy());
        if (left.isPresent()) {
            jobs.postpone(job, left.get());
            return;
        }
        incidents.cancelUntouched(card.id());
    }
}
