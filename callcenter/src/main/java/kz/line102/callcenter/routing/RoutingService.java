package kz.line102.callcenter.routing;

import kz.line102.callcenter.queue.QueueLoad;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.queue.QueueReferences;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.routing.RuleEvaluator.CallFacts;
import kz.line102.callcenter.routing.RuleEvaluator.Match;
import kz.line102.cti.agi.RouteDecision;
import kz.line102.cti.agi.RouteRequest;
import kz.line102.cti.agi.RoutingDecider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing feature's entry point: decides each call from the rule set in force (held
 * in memory, swapped whole on reload), and saves, restores and lists rule set versions.
 * A save is validated, stored as a new version with its audit entry, put in force here at
 * once and announced to the other nodes.
 */
public class RoutingService implements RoutingDecider, QueueReferences, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    private final JdbcRuleSetRepository repository;
    private final RuleSetValidator validator;
    private final CallerHistory history;
    private final QueueLoad load;
    private final PhoneNumbers numbers;
    private final RoutingChanges changes;
    private final RoutingProperties props;
    private final Clock clock;
    private final RuleSetVersion initial;
    private final AtomicReference<RuleSetVersion> active = new AtomicReference<>();
    private final ThreadPoolExecutor historyPool;

    RoutingService(JdbcRuleSetRepository repository, CallerHistory history, QueueLoad load, PhoneNumbers numbers,
                   RoutingChanges changes, RoutingProperties props, Supplier<List<String>> queues, Clock clock) {
        this.repository = repository;
        this.validator = new RuleSetValidator(queues, props.maxRules());
        this.history = history;
        this.load = load;
        this.numbers = numbers;
        this.changes = changes;
        this.props = props;
        this.clock = clock;
        this.initial = RuleSetVersion.initial(queues.get().get(0));
        AtomicInteger n = new AtomicInteger();
        // Bounded like the database pool it waits on: beyond that, lookups would only queue.
        this.historyPool = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "routing-history-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        historyPool.allowCoreThreadTimeOut(true);
        active.set(repository.latest().orElse(initial));
    }

    /** The result of a dry run: what a number would get at a moment, and which rule decided. */
    public record DryRun(int version, String number, String numberStatus, String e164, String language,
                         ZonedDateTime at, String queue, int priority, String rule, String reason) {
    }

    @Override
    public RouteDecision decide(RouteRequest request) {
        RuleSetVersion in = active.get();
        Match m = match(in.ruleSet(), numbers.normalize(request.callerNumber()), request.language(), clock.instant(),
                UUID.fromString(request.callId().value()));
        return new RouteDecision(m.queue(), m.priority(), m.reason());
    }

    public DryRun dryRun(String number, String language, Instant at) {
        RuleSetVersion in = active.get();
        NormalizedNumber n = numbers.normalize(number);
        Instant when = at == null ? clock.instant() : at;
        Match m = match(in.ruleSet(), n, language, when, new UUID(0, 0));
        return new DryRun(in.version(), number, n.status().code(), n.e164(), lower(language),
                when.atZone(props.zone()), m.queue(), m.priority(), m.rule(), m.reason());
    }

    private Match match(RuleSet set, NormalizedNumber number, String language, Instant at, UUID callId) {
        CallFacts facts = new CallFacts(number, lower(language), at.atZone(props.zone()),
                () -> historyOrNone(number, callId, at), load);
        return RuleEvaluator.evaluate(set, facts);
    }

    /**
     * The caller's history within {@code history-timeout}: a slow or failing database costs
     * only the history rules (they do not match), not the whole decision, which the bridge
     * would otherwise replace by its default when the budget runs out.
     */
    private CallerHistory.History historyOrNone(NormalizedNumber number, UUID callId, Instant at) {
        Future<CallerHistory.History> lookup;
        try {
            lookup = historyPool.submit(() -> history.of(number, callId, at));
        } catch (RejectedExecutionException e) {
            log.warn("callId={} caller history lookups all busy: history rules skipped", callId);
            return CallerHistory.History.NONE;
        }
        try {
            return lookup.get(props.historyTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            log.warn("callId={} caller history took longer than {} ms: history rules skipped", callId,
                    props.historyTimeout().toMillis());
        } catch (ExecutionException e) {
            log.warn("callId={} caller history unavailable: history rules skipped ({})", callId,
                    e.getCause().toString());
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
        }
        return CallerHistory.History.NONE;
    }

    /** Queues the rule set in force names (default, targets, load conditions), with the rules naming each. */
    @Override
    public Map<String, List<String>> queuesNamed() {
        RuleSet set = active.get().ruleSet();
        Map<String, List<String>> named = new java.util.TreeMap<>();
        named.computeIfAbsent(set.defaultQueue(), q -> new java.util.ArrayList<>()).add("the default");
        for (RuleSet.Rule r : set.rules()) {
            named.computeIfAbsent(r.queue(), q -> new java.util.ArrayList<>()).add("rule " + r.name());
            if (r.when().queueLoad() != null && r.when().queueLoad().queue() != null) {
                named.computeIfAbsent(r.when().queueLoad().queue(), q -> new java.util.ArrayList<>())
                        .add("rule " + r.name() + " (queueLoad)");
            }
        }
        return named;
    }

    public RuleSetVersion current() {
        return active.get();
    }

    public List<String> validate(RuleSet set) {
        return validator.violations(set);
    }

    /** Partial overlaps between rules with different targets: accepted, but said out loud (RuleOverlaps). */
    public List<String> warnings(RuleSet set) {
        return set == null ? List.of() : RuleOverlaps.warnings(set);
    }

    /** Saves {@code set} as the next version; {@code base}, when given, must be the current version. */
    public RuleSetVersion save(RuleSet set, String actor, String action, String comment, Integer base) {
        List<String> violations = validator.violations(set);
        if (!violations.isEmpty()) {
            repository.audit(actor, "rejected", null, Map.of("attempted", action, "violations", violations));
            throw new InvalidRuleSetException(violations);
        }
        List<String> overlaps = warnings(set);
        return warn(put(repository.append(set, actor, action, comment, null, base, RuleSetDiff::between,
                initial.ruleSet(), overlaps)), overlaps);
    }

    private static RuleSetVersion warn(RuleSetVersion saved, List<String> overlaps) {
        if (!overlaps.isEmpty()) {
            log.warn("routing rule set version {} has {} partial overlap(s), settled by rule order: {}",
                    saved.version(), overlaps.size(), overlaps);
        }
        return saved;
    }

    /** Brings version {@code version} back as a new version (history is never rewritten). */
    public RuleSetVersion restore(int version, String actor, String comment) {
        RuleSetVersion old = version(version);
        List<String> violations = validator.violations(old.ruleSet());
        if (!violations.isEmpty()) {
            // The queue configuration changed since: the old rules would route to a queue that is gone.
            repository.audit(actor, "rejected", null, Map.of("attempted", "restore", "restoreOf", version,
                    "violations", violations));
            throw new InvalidRuleSetException(violations);
        }
        List<String> overlaps = warnings(old.ruleSet());
        return warn(put(repository.append(old.ruleSet(), actor, "restore", comment, version, null,
                RuleSetDiff::between, initial.ruleSet(), overlaps)), overlaps);
    }

    public RuleSetVersion version(int version) {
        return repository.find(version).orElseThrow(() -> new NoSuchRuleSetVersionException(version));
    }

    public List<RuleSetVersion> versions(int limit) {
        return repository.list(limit);
    }

    public List<Map<String, Object>> audit(int limit) {
        return repository.auditTrail(limit);
    }

    /** Puts the newest saved version in force if it is newer than the one in force; idempotent. */
    public void reloadIfNewer() {
        int latest = repository.latestNumber();
        if (latest > active.get().version()) {
            repository.latest().ifPresent(this::activate);
        }
    }

    private RuleSetVersion put(RuleSetVersion saved) {
        activate(saved);
        changes.announce(saved.version());
        log.info("routing rule set version {} saved by {} ({}): {}", saved.version(), saved.createdBy(),
                saved.action(), saved.changes());
        return saved;
    }

    private void activate(RuleSetVersion version) {
        RuleSetVersion before = active.getAndAccumulate(version,
                (cur, next) -> next.version() > cur.version() ? next : cur);
        if (version.version() > before.version()) {
            log.info("routing rule set version {} in force ({} rules)", version.version(),
                    version.ruleSet().rules().size());
        }
    }

    @Override
    public void close() {
        historyPool.shutdownNow();
    }

    private static String lower(String language) {
        return language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT);
    }
}
