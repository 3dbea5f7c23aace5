package kz.line102.callcenter.watch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.line102.callcenter.dispatch.Assignment;
import kz.line102.callcenter.dispatch.DispatchService;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentQuery;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentType;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports of serious events (order 439, item 36): the duty officer drafts one from an incident
 * card (its KUI number, type, time, place, what happened and the units sent are filled in from
 * the card), edits it (each edit a new version), the chief signs one version, and the signature
 * enqueues its delivery to the higher instance on the job engine ({@link SeriousReportRoutes})
 * in the same transaction. A signed report is never changed; the database refuses it too.
 */
@Service
class SeriousReportService {

    static final String STEP = "serious-report";
    private static final int MAX_FIELD = 4000;
    private static final int MAX_TEXT = 20_000;
    private static final Logger log = LoggerFactory.getLogger(SeriousReportService.class);

    private final SeriousReportStore store;
    private final CommissionStore commission;
    private final IncidentService incidents;
    private final DispatchService dispatch;
    private final IncidentJobs jobs;
    private final SeriousReportProperties props;
    private final WatchAudit audit;

    SeriousReportService(SeriousReportStore store, CommissionStore commission, IncidentService incidents,
                         DispatchService dispatch, IncidentJobs jobs, SeriousReportProperties props, WatchAudit audit) {
        this.store = store;
        this.commission = commission;
        this.incidents = incidents;
        this.dispatch = dispatch;
        this.jobs = jobs;
        this.props = props;
        this.audit = audit;
    }

    /** What the duty officer writes; null fields keep the previous version's. */
    record Draft(String kui, String eventType, String occurredAt, String place, String whatHappened, String units,
                 String measures) {
    }

    /**
     * {@code state}: draft, signed, sent, or dead (the delivery gave up; IT staff replay it
     * on /admin/dead-letters); {@code current}: the latest version, the signed one once signed.
     */
    record Report(long id, UUID incidentId, String kuiNumber, String draftedBy, Instant draftedAt,
                  SeriousReportStore.Version current, List<SeriousReportStore.Version> versions,
                  SeriousReportStore.Signature signature, SeriousReportStore.Delivery delivery, String state,
                  Long jobId, String lastError) {
    }

    static String jobTarget(long id) {
        return "report-" + id;
    }

    static String idempotencyKey(long id) {
        return "line102-serious-report-" + id;
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    Report draft(String by, Draft d) {
        Incident card = card(d == null ? null : d.kui(), by);
        long id = store.insert(card.id(), card.kuiNumber(), by);
        SeriousReportStore.Version prefilled = prefill(card, by);
        store.insertVersion(id, 1, merge(by, prefilled, d));
        audit.append(by, "serious-report-drafted", Map.of("report", id, "kui", card.kuiNumber(),
                "incident", card.id().toString()));
        log.info("incidentId={} serious-event report {} drafted by {} from card {}", card.id(), id, by, card.kuiNumber());
        return report(id);
    }

    @Transactional(noRollbackFor = WatchProblem.class)
    Report edit(long id, String by, Draft d) {
        SeriousReportStore.Head head = head(id, true);
        if (store.signature(id) != null) {
            log.warn("incidentId={} user={} edit of signed serious-event report {} refused", head.incidentId(), by, id);
            audit.append(by, "serious-report-edit-refused", Map.of("report", id));
            throw WatchProblem.conflict(ProblemCodes.REPORT_SIGNED, "serious-event report " + id
                    + " is signed and is never changed");
        }
        List<SeriousReportStore.Version> versions = store.versions(id);
        SeriousReportStore.Version last = versions.get(versions.size() - 1);
        store.insertVersion(id, last.version() + 1, merge(by, last, d));
        audit.append(by, "serious-report-edited", Map.of("report", id, "version", last.version() + 1));
        log.info("incidentId={} serious-event report {} version {} by {}", head.incidentId(), id, last.version() + 1, by);
        return report(id);
    }

    /** The chief (or an acting chief) signs the latest version; its delivery is enqueued with the signature. */
    @Transactional(noRollbackFor = WatchProblem.class)
    Report sign(long id, String by) {
        SeriousReportStore.Head head = head(id, true);
        String chief = commission.currentChief();
        if (!by.equals(chief) && !props.actingChiefs().contains(by)) {
            log.warn("incidentId={} user={} refused: not the chief (the chief is {})", head.incidentId(), by, chief);
            audit.append(by, "serious-report-sign-refused", Map.of("report", id));
            throw WatchProblem.forbidden(ProblemCodes.NOT_THE_CHIEF, by + " is not the chief of the centre"
                    + (chief == null ? " (no commission act has named one)" : "") + " nor an acting chief");
        }
        if (store.signature(id) != null) {
            throw WatchProblem.conflict(ProblemCodes.REPORT_SIGNED, "serious-event report " + id + " is signed already");
        }
        List<SeriousReportStore.Version> versions = store.versions(id);
        int version = versions.get(versions.size() - 1).version();
        store.sign(id, version, by);
        jobs.enqueue(head.incidentId(), STEP, jobTarget(id), "{\"report\": " + id + "}");
        audit.append(by, "serious-report-signed", Map.of("report", id, "version", version));
        log.info("incidentId={} serious-event report {} version {} signed by {}; sent on to the higher instance",
                head.incidentId(), id, version, by);
        return report(id);
    }

    Report report(long id) {
        SeriousReportStore.Head h = head(id, false);
        List<SeriousReportStore.Version> versions = store.versions(id);
        SeriousReportStore.Signature signature = store.signature(id);
        SeriousReportStore.Version current = signature == null ? versions.get(versions.size() - 1)
                : versions.stream().filter(v -> v.version() == signature.version()).findFirst().orElseThrow();
        SeriousReportStore.Delivery delivery = store.delivery(id);
        Optional<IncidentJob> job = signature == null ? Optional.empty() : jobs.forIncident(h.incidentId()).stream()
                .filter(j -> j.step().equals(STEP) && j.target().equals(jobTarget(id))).findFirst();
        String state = signature == null ? "draft" : delivery != null ? "sent"
                : job.map(j -> j.status().equals("dead") ? "dead" : "signed").orElse("signed");
        return new Report(h.id(), h.incidentId(), h.kuiNumber(), h.draftedBy(), h.draftedAt(), current, versions,
                signature, delivery, state, job.map(IncidentJob::id).orElse(null),
                job.map(IncidentJob::lastError).orElse(null));
    }

    /** Newest first; {@code kui} names one card's reports (the link from the card). */
    List<Report> list(String kui, Long before, int limit, String by) {
        UUID incident = kui == null || kui.isBlank() ? null : card(kui, by).id();
        return store.ids(incident, before, Math.max(1, Math.min(limit, 200))).stream().map(this::report).toList();
    }

    private SeriousReportStore.Head head(long id, boolean lock) {
        SeriousReportStore.Head h = store.head(id, lock);
        if (h == null) {
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_REPORT, "there is no serious-event report " + id);
        }
        return h;
    }

    private SeriousReportStore.Version prefill(Incident card, String by) {
        String type = incidents.type(card.typeCode()).map(IncidentType::names).map(n -> n.getOrDefault("ru",
                card.typeCode())).orElse(card.typeCode() == null ? "-" : card.typeCode());
        Instant at = card.registeredAt() != null ? card.registeredAt() : card.createdAt();
        String place = card.sceneAddress() == null ? "" : card.sceneAddress();
        String what = card.description() == null || card.description().isBlank() ? "-" : card.description();
        List<String> units = new ArrayList<>();
        for (Assignment a : dispatch.assignments(card.id())) {
            units.add(a.callSign());
        }
        if (units.isEmpty() && card.unitCode() != null) {
            units.add(card.unitCode());
        }
        return new SeriousReportStore.Version(1, clip(type, MAX_FIELD), at, clip(place, MAX_FIELD), clip(what, MAX_TEXT),
                clip(units.stream().distinct().collect(Collectors.joining(", ")), MAX_FIELD), "", by, null);
    }

    private SeriousReportStore.Version merge(String by, SeriousReportStore.Version base, Draft d) {
        if (d == null) {
            return base;
        }
        Instant at = base.occurredAt();
        if (d.occurredAt() != null && !d.occurredAt().isBlank()) {
            try {
                at = Instant.parse(d.occurredAt().strip());
            } catch (DateTimeParseException e) {
                throw refused(by, "the time of the event is an ISO instant, e.g. 2026-01-01T08:00:00Z");
            }
        }
        String type = field(by, d.eventType(), base.eventType(), MAX_FIELD, "the type of the event", true);
        String place = field(by, d.place(), base.place(), MAX_FIELD, "the place", false);
        String what = field(by, d.whatHappened(), base.whatHappened(), MAX_TEXT, "what happened", true);
        String units = field(by, d.units(), base.units(), MAX_FIELD, "the units", false);
        String measures = field(by, d.measures(), base.measures(), MAX_TEXT, "the measures taken", false);
        return new SeriousReportStore.Version(base.version(), type, at, place, what, units, measures, by, null);
    }

    private String field(String by, String given, String old, int max, String what, boolean required) {
        String v = given == null ? old : given.strip();
        if (v.length() > max || required && v.isEmpty()) {
            throw refused(by, what + " is " + (required ? "1" : "0") + " to " + max + " characters");
        }
        return v;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private Incident card(String kui, String by) {
        String k = kui == null ? "" : kui.strip();
        if (k.isEmpty() || k.length() > 100) {
            throw refused(by, "a report is drafted from a card named by its KUI number");
        }
        List<Incident> found = incidents.search(new IncidentQuery(null, null, null, null, null, null, null, k, 0, 1));
        if (found.isEmpty() || !k.equals(found.get(0).kuiNumber())) {
            log.warn("user={} serious-event report refused: no card with KUI {}", by, k);
            audit.append(by, "serious-report-refused", Map.of("kui", k));
            throw WatchProblem.notFound(ProblemCodes.NO_SUCH_KUI, "there is no incident card with the KUI number " + k);
        }
        return found.get(0);
    }

    private WatchProblem refused(String by, String detail) {
        log.warn("user={} serious-event report refused: {}", by, detail);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("reason", detail);
        audit.append(by, "serious-report-refused", d);
        return WatchProblem.invalid(detail);
    }
}
