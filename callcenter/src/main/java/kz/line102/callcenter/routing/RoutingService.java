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

import kz.line102.callcenter.caller.PhoneNumbers;
import kz.line102.callcenter.queue.QueueReferences;
import kz.line102.callcenter.caller.PhoneNumbers.NormalizedNumber;
import kz.line102.callcenter.routing.RuleEvaluator.CallFacts;
import kz.line102.callcenter.routing.RuleEvaluator.Match;
import kz.line102.callcenter.app.FieldProblem;
import kz.line102.callcenter.settings.SettingProblem;
import kz.line102.callcenter.settings.SettingSpec;
import kz.line102.callcenter.settings.SettingVersion;
import kz.line102.callcenter.settings.VersionedSetting;
import kz.line102.cti.agi.RouteDecision;
import kz.line102.cti.agi.RouteRequest;
import kz.line102.cti.agi.RoutingDecider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing feature's entry point: decides each call from the rule set in force, a
 * versioned setting (held in memory, swapped whole when a node saves or restores one,
 * on every node), and saves and restores rule sets.
 */
public class RoutingService implements RoutingDecider, QueueReferences, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);

    private final VersionedSetting<RuleSet> rules;
    private final CallerHistory history;
    private final QueueLoad load;
    private final PhoneNumbers numbers;
    private final RoutingProperties props;
    private final Clock clock;
    private final ThreadPoolExecutor historyPool;

    /** @param rules the rule set setting ({@link #ruleSets}), defined by the caller on its node's settings */
    RoutingService(VersionedSetting<RuleSet> rules, CallerHistory history, QueueLoad load, PhoneNumbers numbers,
                   RoutingProperties props, Clock clock) {
        this.rules = rules;
        this.history = history;
        this.load = load;
        this.numbers = numbers;
        this.props = props;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        // Bounded like the database pool it waits on: beyond that, lookups would only queue.
        this.historyPool = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "routing-history-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        historyPool.allowCoreThreadTimeOut(true);
    }

    /**
     * The routing rules as a versioned setting: validated against the queues configured
     * now, partial overlaps said out loud, and before the first save no rules at all,
     * everything to the first configured queue.
     */
    static SettingSpec<RuleSet> ruleSets(RoutingProperties props, Supplier<List<String>> queues) {
        RuleSetValidator validator = new RuleSetValidator(queues, props.maxRules());
        return SettingSpec.of("routing-rules", RuleSet.class).described("rule-set", "rule set", "ruleSet")
                .validatedAtFields(validator::check).warnedBy(RuleOverlaps::warnings).diffedBy(RuleSetDiff::between)
                .unsaved(new RuleSet(queues.get().get(0), 0, List.of()), "no rule set saved yet")
                .channel(props.changesChannel()).pollInterval(props.pollInterval());
    }

    /** The result of a dry run: what a number would get at a moment, and which rule decided. */
    public record DryRun(int version, String number, String numberStatus, String e164, String language,
                         ZonedDateTime at, String queue, int priority, String rule, String reason) {
    }

    @Override
    public RouteDecision decide(RouteRequest request) {
        Match m = match(rules.payload(), numbers.normalize(request.callerNumber()), request.language(), clock.instant(),
                UUID.fromString(request.callId().value()));
        return new RouteDecision(m.queue(), m.priority(), m.reason());
    }

    public DryRun dryRun(String number, String language, Instant at) {
        SettingVersion<RuleSet> in = rules.current();
        NormalizedNumber n = numbers.normalize(number);
        Instant when = at == null ? clock.instant() : at;
        Match m = match(in.payload(), n, language, when, new UUID(0, 0));
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
        RuleSet set = rules.payload();
        Map<String, List<String>> named = new java.util.TreeMap<>();
        named.computeIfAbsent(set.defaultQueue(), q -> new java.util.ArrayList<>()).add("defaultQueue");
        for (RuleSet.Rule r : set.rules()) {
            named.computeIfAbsent(r.queue(), q -> new java.util.ArrayList<>()).add(r.name());
            if (r.when().queueLoad() != null && r.when().queueLoad().queue() != null) {
                named.computeIfAbsent(r.when().queueLoad().queue(), q -> new java.util.ArrayList<>())
                        .add(r.name() + " (queueLoad)");
            }
        }
        return named;
    }

    public SettingVersion<RuleSet> current() {
        return rules.current();
    }

    /** The rule set as a versioned setting: its history, restores and audit (the API's). */
    public VersionedSetting<RuleSet> rules() {
        return rules;
    }

    /** Why {@code set} could not be saved now, each at its field with its code; empty when it could. */
    public List<FieldProblem> validate(RuleSet set) {
        return rules.fieldProblems(set);
    }

    /** Partial overlaps between rules with different targets: accepted, but said out loud (RuleOverlaps). */
    public List<SettingProblem> warnings(RuleSet set) {
        return set == null ? List.of() : RuleOverlaps.overlaps(set);
    }

    /** Saves {@code set} as the next version; {@code base}, when given, must be the current version. */
    public SettingVersion<RuleSet> save(RuleSet set, String actor, String action, String comment, Integer base) {
        return rules.save(set, actor, action, comment, base);
    }

    /** Brings version {@code version} back as a new version (history is never rewritten). */
    public SettingVersion<RuleSet> restore(int version, String actor, String comment) {
        return rules.restore(version, actor, comment);
    }

    @Override
    public void close() {
        historyPool.shutdownNow();
    }

    private static String lower(String language) {
        return language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT);
    }
}
