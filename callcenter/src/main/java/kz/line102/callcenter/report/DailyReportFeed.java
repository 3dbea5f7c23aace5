package kz.line102.callcenter.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.NoSuchIncidentException;
import kz.line102.callcenter.incident.Watches;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a card's line of the report: reads the card as it is now and writes its line in
 * the watch of its registration. Every run reads the current card, so running a job
 * again, or jobs of one card out of order, ends in the same line. Once the watch is
 * signed off its lines stay as signed: a card that reads differently from its signed
 * line (or is missing from it) is recorded as an addendum beside the report instead.
 */
@Service
public class DailyReportFeed {

    /** The job step the report feed route consumes. */
    public static final String STEP = "report";

    private static final Logger log = LoggerFactory.getLogger(DailyReportFeed.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final IncidentService incidents;
    private final IncidentJobs jobs;
    private final Watches watches;
    private final JdbcReportRepository repo;
    private final TransactionTemplate tx;
    private final Counter addenda;

    DailyReportFeed(IncidentService incidents, IncidentJobs jobs, Watches watches, JdbcReportRepository repo,
                    TransactionTemplate tx, MeterRegistry meters) {
        this.incidents = incidents;
        this.jobs = jobs;
        this.watches = watches;
        this.repo = repo;
        this.tx = tx;
        this.addenda = Counter.builder("line102.callcenter.reports.addenda")
                .description("changes to cards of a signed watch, kept beside the signed report").register(meters);
    }

    /** What a feed run did with the card's line. */
    public enum Outcome { WRITTEN, UNCHANGED, ADDENDUM, NOT_REGISTERED }

    /** Runs a claimed job: the card's line, and the job's completion, in one transaction. */
    Outcome run(IncidentJob job) {
        return tx.execute(s -> {
            Outcome o = refresh(job.incidentId());
            jobs.complete(job.id());
            return o;
        });
    }

    /** The card's line brought up to date; call inside a transaction. */
    Outcome refresh(UUID incidentId) {
        Incident first;
        try {
            first = incidents.get(incidentId);
        } catch (NoSuchIncidentException e) {
            log.warn("incidentId={} report feed: no such card, nothing to report", incidentId);
            return Outcome.NOT_REGISTERED;
        }
        if (first.registeredAt() == null || first.kuiNumber() == null) {
            return Outcome.NOT_REGISTERED;
        }
        LocalDate day = watches.containing(first.registeredAt()).day();
        repo.lockWatchShared(day);
        // Read again under the lock: a sign-off that finished while we waited saw the card as it is now.
        Incident card = incidents.get(incidentId);
        LocalDate now = watches.containing(card.registeredAt()).day();
        if (!now.equals(day)) {
            repo.lockWatchShared(now);
            day = now;
        }
        return write(day, card);
    }

    /** The card's line in {@code day}, the caller holding the watch's lock (shared or exclusive). */
    Outcome write(LocalDate day, Incident card) {
        ReportLine line = lineOf(card);
        Optional<JdbcReportRepository.SignOff> signed = repo.signOff(day);
        if (signed.isEmpty()) {
            return repo.upsert(day, line) ? Outcome.WRITTEN : Outcome.UNCHANGED;
        }
        DailyReport.Snapshot snapshot = JSON.readValue(signed.get().snapshot(), DailyReport.Snapshot.class);
        boolean asSigned = snapshot.lines().stream().anyMatch(l -> l.equals(line));
        if (asSigned) {
            return Outcome.UNCHANGED;
        }
        String json = JSON.writeValueAsString(line);
        if (!repo.addendum(day, line, json, sha256(json))) {
            return Outcome.UNCHANGED;
        }
        addenda.increment();
        log.warn("incidentId={} kui={} changed after the report of watch {} was signed by {}: kept as an addendum,"
                + " the signed report is unchanged", card.id(), card.kuiNumber(), day, signed.get().signedBy());
        return Outcome.ADDENDUM;
    }

    ReportLine lineOf(Incident card) {
        return new ReportLine(card.id(), card.kuiNumber(), card.registeredAt(),
                card.category() == null ? null : card.category().name(), card.typeCode(), card.priority(),
                card.sceneAddress(), card.sceneUnknown(), card.callerNumber(), card.callerName(),
                card.status().name(), card.result(), repo.unitsOf(card.id()), card.repeatCount(), card.closedAt(),
                card.version());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
