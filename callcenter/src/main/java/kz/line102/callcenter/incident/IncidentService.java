package kz.line102.callcenter.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.ForbiddenException;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.caller.CallerCard;
import kz.line102.callcenter.caller.CallerCardService;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.security.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The incident card's entry point: opening drafts (from an answered call or by hand),
 * editing, submitting, moving a card along its lifecycle and linking repeat calls.
 * Every change locks the card, checks the version the sender read (when given), asks
 * the {@link IncidentEditGuard}s, writes the timeline entry and tells the
 * {@link IncidentTransitionListener}s, all in one transaction.
 */
@Service
public class IncidentService {

    /** The job step the registration route consumes. */
    public static final String REGISTER_STEP = "register";

    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

    private final JdbcIncidentRepository repo;
    private final IncidentJobs jobs;
    private final IncidentValidator validator;
    private final IncidentProperties props;
    private final JdbcCallRepository calls;
    private final CallerCardService callerCards;
    private final Watches watches;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<IncidentEditGuard> guards;
    private final ObjectProvider<IncidentTransitionListener> listeners;
    private final IncidentAccess access;
    private final UntouchedDrafts untouched;
    private final Counter registered;
    private final Timer registrationLatency;

    IncidentService(JdbcIncidentRepository repo, IncidentJobs jobs, IncidentValidator validator,
                    IncidentProperties props, JdbcCallRepository calls, CallerCardService callerCards,
                    Watches watches, TransactionTemplate tx, Clock clock, ObjectProvider<IncidentEditGuard> guards,
                    ObjectProvider<IncidentTransitionListener> listeners, MeterRegistry meters,
                    IncidentAccess access, UntouchedDrafts untouched) {
        this.access = access;
        this.untouched = untouched;
        this.repo = repo;
        this.jobs = jobs;
        this.validator = validator;
        this.props = props;
        this.calls = calls;
        this.callerCards = callerCards;
        this.watches = watches;
        this.tx = tx;
        this.clock = clock;
        this.guards = guards;
        this.listeners = listeners;
        this.registered = Counter.builder("line102.callcenter.incidents.registered")
                .description("incident cards given a KUI number").register(meters);
        this.registrationLatency = Timer.builder("line102.callcenter.incidents.registration.latency")
                .description("from the submit of a card to its registration").publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** An open card from the same number in the current watch: link the call to it rather than register again. */
    public record RepeatCandidate(UUID id, IncidentStatus status, String kuiNumber, String typeCode,
                                  String sceneAddress, java.time.Instant createdAt) {
        static RepeatCandidate of(Incident i) {
            return new RepeatCandidate(i.id(), i.status(), i.kuiNumber(), i.typeCode(), i.sceneAddress(),
                    i.createdAt());
        }
    }

    /** @param created false when the call already had a card (a replayed answer, a second node, a second click) */
    public record Opened(Incident incident, boolean created, List<RepeatCandidate> repeatOf) {
    }

    public Incident get(UUID id) {
        return repo.find(id).orElseThrow(() -> new NoSuchIncidentException(id));
    }

    public Optional<Incident> find(UUID id) {
        return repo.find(id);
    }

    /** A card for a person: only when it is theirs to know ({@link IncidentAccess}); 403 need-to-know otherwise. */
    public Incident read(Viewer who, UUID id) {
        Incident card = get(id);
        access.checkRead(who, card);
        return card;
    }

    public List<Incident> search(IncidentQuery query) {
        return repo.search(query);
    }

    public List<IncidentTransition> timeline(UUID id) {
        get(id);
        return repo.transitions(id);
    }

    public List<IncidentTransition> timeline(Viewer who, UUID id) {
        read(who, id);
        return repo.transitions(id);
    }

    /** Whether the card is the viewer's to know (lists and pushes filter with it). */
    public boolean mayRead(Viewer who, Incident card) {
        return access.mayRead(who, card);
    }

    /** The start of the current watch: the duty officer's searches reach back to it. */
    public java.time.Instant watchStart() {
        return watches.current().start();
    }

    public List<IncidentType> types() {
        return props.types();
    }

    public Optional<IncidentType> type(String code) {
        return validator.type(code);
    }

    /** Open cards from this number in the current watch, other than {@code except}. */
    public List<RepeatCandidate> repeatCandidates(String e164, UUID except) {
        if (e164 == null) {
            return List.of();
        }
        return repo.openFromNumber(e164, watches.current().start(), except).stream().map(RepeatCandidate::of).toList();
    }

    /**
     * Opens a draft for {@code by}, from a call (prefilled from its caller card) or
     * blank. Idempotent per call: a call that already has a card gets that card back.
     */
    public Opened open(Actor by, UUID callId) {
        if (callId == null) {
            UUID id = UUID.randomUUID();
            tx.executeWithoutResult(s -> {
                repo.insertDraft(id, props.unitCode(), by.username(), null, null, null, null);
                repo.insertTransition(id, null, IncidentStatus.DRAFT, by.username(), null);
            });
            log.info("incidentId={} operatorId={} draft opened without a call", id, by.username());
            return new Opened(get(id), true, List.of());
        }
        CallRecord call = calls.find(callId).orElseThrow(() -> new InvalidIncidentException(
                List.of(new FieldError("callId", "no call " + callId + " is known"))));
        // Before the existing card is handed back: the card of another's call is not to be had this way.
        access.checkOpen(by, callId);
        Optional<UUID> existing = repo.incidentOfCall(callId);
        if (existing.isPresent()) {
            return reopened(existing.get());
        }
        CallerCard card = callerCards.readForCall(by.username(), callId, call.callerNumber(), "incident-draft");
        String name = card.subscriber() == null ? call.callerName() : card.subscriber().holderName();
        String address = card.subscriber() == null ? null : card.subscriber().address();
        UUID id = UUID.randomUUID();
        try {
            tx.executeWithoutResult(s -> {
                repo.insertDraft(id, props.unitCode(), by.username(), call.callerNumber(), card.numberE164(), name,
                        address);
                repo.linkCall(id, callId, call.recordingFile(), false, by.username());
                ObjectNode detail = JsonNodeFactory.instance.objectNode().put("callId", callId.toString());
                repo.insertTransition(id, null, IncidentStatus.DRAFT, by.username(), detail);
            });
        } catch (DuplicateKeyException e) {
            // Another node (or a replayed answer) opened the card of this call first.
            return reopened(repo.incidentOfCall(callId).orElseThrow(() -> e));
        }
        log.info("incidentId={} callId={} operatorId={} draft opened", id, callId, by.username());
        // Read again after the commit: a call that ended before then was not seen by the end's hand-off.
        // Only the answering operator's draft of their call: one a supervisor opens on purpose stays.
        if (calls.find(callId).map(c -> c.endedAt() != null && by.username().equals(c.operatorUser()))
                .orElse(false)) {
            untouched.schedule(id);
        }
        Incident opened = get(id);
        return new Opened(opened, true, repeatCandidates(opened.callerNumberE164(), id));
    }

    private Opened reopened(UUID id) {
        Incident i = get(id);
        return new Opened(i, false, repeatCandidates(i.callerNumberE164(), id));
    }

    /**
     * The draft of an answered call, for the operator who answered it: the one the call
     * record names as signed in at the answering phone at the moment of the answer (not
     * whoever sits there when this runs). Empty when nobody was signed in there.
     */
    public Optional<Opened> openForAnsweredCall(UUID callId) {
        String operator = calls.find(callId).map(CallRecord::operatorUser).orElse(null);
        if (operator == null) {
            log.info("callId={} answered where no operator was signed in: no draft opened", callId);
            return Optional.empty();
        }
        return Optional.of(open(Actor.operator(operator), callId));
    }

    /**
     * Replaces the fields the operator fills in; {@code version} is the one the sender
     * read. The caller's number, name and address were prefilled from the call: left out
     * (null) they stay as they are, sent empty they are cleared.
     */
    public Incident edit(Actor by, UUID id, int version, IncidentFields fields) {
        validator.check(fields, false);
        tx.executeWithoutResult(s -> {
            Incident current = locked(id, version);
            if (!current.status().open()) {
                throw new IncidentStateException(ProblemCodes.INCIDENT_CLOSED, "incident card " + id + " is "
                        + current.status() + " and can no longer be changed", current);
            }
            if (!by.supervisor() && (current.status() != IncidentStatus.DRAFT
                    || !current.createdBy().equals(by.username()))) {
                throw new ForbiddenException("an operator changes only their own drafts; this card is "
                        + current.status() + " and was opened by " + current.createdBy());
            }
            guard(current, new IncidentChange(IncidentChange.Kind.EDIT, current.status(), by.username()));
            repo.updateFields(id, validator.check(keepCaller(fields, current), false));
        });
        log.info("incidentId={} operatorId={} edited", id, by.username());
        return get(id);
    }

    private static IncidentFields keepCaller(IncidentFields f, Incident current) {
        return new IncidentFields(f.category(), f.typeCode(), f.priority(),
                f.callerNumber() == null ? current.callerNumber() : f.callerNumber(),
                f.callerName() == null ? current.callerName() : f.callerName(),
                f.callerAddress() == null ? current.callerAddress() : f.callerAddress(), f.sceneAddress(),
                f.sceneLat(), f.sceneLon(), f.sceneUnknown(), f.description(), f.persons(), f.vehicles(),
                f.operatorNotes());
    }

    /** @param repeatOf open cards from the same number in this watch, for the operator to consider */
    public record Submitted(Incident incident, List<RepeatCandidate> repeatOf) {
    }

    /**
     * Checks the card in full and queues its registration. A card already submitted is
     * refused with {@code already-submitted} and where the first submit got to.
     */
    public Submitted submit(Actor by, UUID id, Integer version) {
        tx.executeWithoutResult(s -> {
            Incident current = locked(id, version);
            if (current.status() != IncidentStatus.DRAFT) {
                boolean again = current.status() != IncidentStatus.CANCELLED;
                throw new IncidentStateException(again ? "already-submitted" : "not-a-draft", again
                        ? "incident card " + id + " was already submitted; it is " + current.status()
                        + (current.kuiNumber() == null ? "" : " as " + current.kuiNumber())
                        : "incident card " + id + " was cancelled and cannot be submitted", current);
            }
            if (!by.supervisor() && !current.createdBy().equals(by.username())) {
                throw new ForbiddenException("only the operator who opened the card (or a supervisor) submits it");
            }
            validator.check(IncidentValidator.fieldsOf(current), true);
            change(current, IncidentStatus.SUBMITTED, by, null, null);
            jobs.enqueue(id, REGISTER_STEP, "", null);
        });
        log.info("incidentId={} operatorId={} submitted", id, by.username());
        Incident after = get(id);
        return new Submitted(after, repeatCandidates(after.callerNumberE164(), id));
    }

    /** Units sent to the scene (the dispatch module calls this when it assigns the first unit). */
    public Incident dispatch(Actor by, UUID id, Integer version, JsonNode detail) {
        return transition(by, id, IncidentStatus.DISPATCHED, version, detail, null);
    }

    /** Units on the scene. */
    public Incident arrive(Actor by, UUID id, Integer version, JsonNode detail) {
        return transition(by, id, IncidentStatus.ARRIVED, version, detail, null);
    }

    /** Worked off: {@code result} (what was done) is required. */
    public Incident workOff(Actor by, UUID id, Integer version, String result, JsonNode detail) {
        return transition(by, id, IncidentStatus.WORKED_OFF, version, detail, result);
    }

    public Incident close(Actor by, UUID id, Integer version, JsonNode detail) {
        return transition(by, id, IncidentStatus.CLOSED, version, detail, null);
    }

    /** Drops a draft (its operator or a supervisor). */
    public Incident cancel(Actor by, UUID id, Integer version, JsonNode detail) {
        return transition(by, id, IncidentStatus.CANCELLED, version, detail, null);
    }

    /**
     * Moves a card along its lifecycle. {@code SUBMITTED} goes through {@link #submit}
     * and {@code REGISTERED} only through the registration route; the rest need a
     * supervisor (or a flow), except that an operator may cancel their own draft.
     */
    public Incident transition(Actor by, UUID id, IncidentStatus to, Integer version, JsonNode detail, String result) {
        Objects.requireNonNull(to, "to");
        if (to == IncidentStatus.SUBMITTED || to == IncidentStatus.REGISTERED || to == IncidentStatus.DRAFT) {
            throw new ConflictException(ProblemCodes.ILLEGAL_TRANSITION, to == IncidentStatus.SUBMITTED
                    ? "submit the card with POST /api/v1/incidents/{id}/submit"
                    : "a card becomes " + to + " only " + (to == IncidentStatus.DRAFT ? "when opened" : "by registration"));
        }
        String cleanResult = result == null || result.isBlank() ? null : result.trim();
        if (to == IncidentStatus.WORKED_OFF && cleanResult == null) {
            throw new InvalidIncidentException(List.of(new FieldError("result", "say what was done (the result)")));
        }
        if (cleanResult != null && cleanResult.length() > props.maxNotes()) {
            throw new InvalidIncidentException(List.of(new FieldError("result",
                    "longer than " + props.maxNotes() + " characters")));
        }
        tx.executeWithoutResult(s -> {
            Incident current = locked(id, version);
            boolean ownDraftCancel = to == IncidentStatus.CANCELLED && current.status() == IncidentStatus.DRAFT
                    && current.createdBy().equals(by.username());
            if (!by.supervisor() && !ownDraftCancel) {
                throw new ForbiddenException("only a supervisor moves a card to " + to);
            }
            change(current, to, by, detail, cleanResult);
        });
        log.info("incidentId={} operatorId={} -> {}", id, by.username(), to);
        return get(id);
    }

    /**
     * Links a repeat call to an open card. A call already on a draft (the one opened when
     * it was answered) moves here and that draft is cancelled; a call already on another
     * submitted card is refused.
     */
    public Incident linkCall(Actor by, UUID id, UUID callId) {
        CallRecord call = calls.find(callId).orElseThrow(() -> new InvalidIncidentException(
                List.of(new FieldError("callId", "no call " + callId + " is known"))));
        access.checkOpen(by, callId);
        tx.executeWithoutResult(s -> {
            Optional<UUID> linkedTo = repo.incidentOfCall(callId);
            if (linkedTo.isPresent() && linkedTo.get().equals(id)) {
                return;
            }
            Incident target = repo.lock(id).orElseThrow(() -> new NoSuchIncidentException(id));
            if (!target.status().open() || target.status() == IncidentStatus.DRAFT) {
                throw new IncidentStateException(ProblemCodes.NOT_LINKABLE, "a repeat call is linked to a submitted card "
                        + "that is still open; this one is " + target.status(), target);
            }
            guard(target, new IncidentChange(IncidentChange.Kind.LINK_CALL, target.status(), by.username()));
            if (linkedTo.isPresent()) {
                Incident draft = repo.lock(linkedTo.get()).orElseThrow();
                if (draft.status() != IncidentStatus.DRAFT) {
                    throw new ConflictException(ProblemCodes.CALL_ALREADY_LINKED, "call " + callId + " belongs to card "
                            + draft.id() + (draft.kuiNumber() == null ? "" : " (" + draft.kuiNumber() + ")"));
                }
                if (!by.supervisor() && !draft.createdBy().equals(by.username())) {
                    throw new ForbiddenException("call " + callId + " is on another operator's draft");
                }
                repo.unlinkCall(draft.id(), callId);
                if (draft.calls().size() <= 1) {
                    ObjectNode why = JsonNodeFactory.instance.objectNode().put("repeatOf", id.toString())
                            .put("callId", callId.toString());
                    change(draft, IncidentStatus.CANCELLED, by, why, null);
                }
            }
            repo.linkCall(id, callId, call.recordingFile(), true, by.username());
        });
        log.info("incidentId={} callId={} operatorId={} repeat call linked", id, callId, by.username());
        return get(id);
    }

    /**
     * Registers a submitted card: the next KUI number of its unit and year, in the same
     * transaction as the status change and the job's completion, so a failure leaves
     * neither a number used nor the job done. A card no longer submitted (registered by
     * an earlier attempt) only completes the job.
     *
     * @return whether this call registered the card
     */
    boolean register(IncidentJob job) {
        Boolean done = tx.execute(s -> {
            Incident current = repo.lock(job.incidentId()).orElse(null);
            if (current == null || current.status() != IncidentStatus.SUBMITTED) {
                jobs.complete(job.id());
                return false;
            }
            int year = LocalDate.ofInstant(clock.instant(), props.zone()).getYear();
            int sequence = repo.nextKuiSequence(current.unitCode(), year);
            String kui = "KUI-" + current.unitCode() + "-" + year + "-" + String.format("%06d", sequence);
            repo.markRegistered(current.id(), kui, year, sequence);
            ObjectNode detail = JsonNodeFactory.instance.objectNode().put("kuiNumber", kui);
            IncidentTransition t = repo.insertTransition(current.id(), IncidentStatus.SUBMITTED,
                    IncidentStatus.REGISTERED, Actor.system("registration").username(), detail);
            tell(repo.find(current.id()).orElseThrow(), t);
            jobs.complete(job.id());
            if (current.submittedAt() != null) {
                registrationLatency.record(Duration.between(current.submittedAt(), clock.instant()));
            }
            log.info("incidentId={} registered as {}", current.id(), kui);
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            registered.increment();
        }
        return Boolean.TRUE.equals(done);
    }

    /**
     * Cancels a draft its operator never changed (the {@link UntouchedDrafts} job, after the
     * call's wrap-up). Checked again under the lock: a save that came first keeps the card.
     */
    void cancelUntouched(UUID id) {
        Boolean cancelled = tx.execute(s -> {
            Incident current = repo.lock(id).orElse(null);
            if (current == null || current.status() != IncidentStatus.DRAFT
                    || current.version() != UntouchedDrafts.UNTOUCHED_VERSION) {
                return false;
            }
            ObjectNode why = JsonNodeFactory.instance.objectNode().put("reason", "untouched");
            change(current, IncidentStatus.CANCELLED, Actor.system("untouched-draft"), why, null);
            return true;
        });
        if (Boolean.TRUE.equals(cancelled)) {
            log.info("incidentId={} draft cancelled: untouched until the end of its call's wrap-up", id);
        }
    }

    private Incident locked(UUID id, Integer version) {
        Incident current = repo.lock(id).orElseThrow(() -> new NoSuchIncidentException(id));
        if (version != null && version != current.version()) {
            throw new StaleIncidentException(id, version, current.version());
        }
        return current;
    }

    private void change(Incident current, IncidentStatus to, Actor by, JsonNode detail, String result) {
        if (current.status() == IncidentStatus.CLOSED) {
            // The one answer the duty officer needs, in their language, rather than a list of no next states.
            throw new IncidentStateException(ProblemCodes.INCIDENT_CLOSED, "incident card " + current.id() + " is CLOSED;"
                    + " it cannot become " + to, current);
        }
        if (!current.status().canGoTo(to)) {
            throw new IncidentStateException(ProblemCodes.ILLEGAL_TRANSITION, "incident card " + current.id() + " is "
                    + current.status() + "; from there it can go to " + current.status().next() + ", not " + to,
                    current, "problem.illegal-transition.from", List.of(current.status().name(), to.name(), current.status().next().stream()
                            .map(Enum::name).collect(java.util.stream.Collectors.joining(", "))));
        }
        guard(current, new IncidentChange(IncidentChange.Kind.TRANSITION, to, by.username()));
        repo.updateStatus(current.id(), to, result);
        ObjectNode d = detail != null && detail.isObject() ? ((ObjectNode) detail).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (detail != null && !detail.isObject() && !detail.isNull()) {
            d.set("note", detail);
        }
        if (result != null) {
            d.put("result", result);
        }
        IncidentTransition t = repo.insertTransition(current.id(), current.status(), to, by.username(), d);
        tell(repo.find(current.id()).orElseThrow(), t);
    }

    private void guard(Incident current, IncidentChange change) {
        guards.orderedStream().forEach(g -> g.beforeChange(current, change));
    }

    private void tell(Incident after, IncidentTransition t) {
        listeners.orderedStream().forEach(l -> l.transitioned(after, t));
    }
}
