package kz.line102.callcenter.report;

import java.util.UUID;

import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentChange;
import kz.line102.callcenter.incident.IncidentEditGuard;
import kz.line102.callcenter.incident.Watches;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.springframework.stereotype.Component;

/**
 * Refuses any change to a card whose watch's report is signed off ({@code 409
 * report-signed}). Runs with the card locked; the sign-off locks every card of its watch
 * before it reads them, so a change either commits before the sign-off reads the card or
 * sees the sign-off here.
 *
 * <p>Edits and repeat-call links of a registered card change its line too but are not
 * status changes (the {@link ReportFeedListener} does not hear of them): this is the one
 * place told of them inside their transaction, so their feed job is queued here.
 */
@Component
class SignedReportGuard implements IncidentEditGuard {

    private final Watches watches;
    private final JdbcReportRepository repo;
    private final IncidentJobs jobs;

    SignedReportGuard(Watches watches, JdbcReportRepository repo, IncidentJobs jobs) {
        this.watches = watches;
        this.repo = repo;
        this.jobs = jobs;
    }

    @Override
    public void beforeChange(Incident current, IncidentChange change) {
        if (current.registeredAt() == null) {
            return;
        }
        Watches.Watch watch = watches.containing(current.registeredAt());
        repo.signer(watch.day()).ifPresent(s -> {
            throw new ReportSignedException(current, watch.day(), s.signedBy(), s.signedAt(), change);
        });
        if (change.kind() != IncidentChange.Kind.TRANSITION) {
            jobs.enqueue(current.id(), DailyReportFeed.STEP, "change-" + UUID.randomUUID(), null);
        }
    }
}
