package kz.line102.callcenter.linehealth;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import kz.line102.callcenter.app.ConflictException;
import kz.line102.cti.agi.Routed;
import kz.line102.cti.sip.SipAgent;
import kz.line102.cti.sip.TestCallResult;
import kz.line102.cti.sip.TestCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Synthetic test calls, on schedule and on demand, one at a time per node: the SIP
 * part ({@link TestCaller}), then our side's part step by step, each within its budget
 * ({@link EndToEndSteps}: AMI events through the stream, call record, routing answer,
 * recording archived), the call record marked as a test call. A failed test call (a
 * step over budget included) opens the test-call incident and its alert; the next
 * passing one clears it.
 */
@Service
class TestCallService {

    private static final Logger log = LoggerFactory.getLogger(TestCallService.class);
    private static final Duration RECHECK = Duration.ofMillis(500);

    private final JdbcTestCallRepository calls;
    private final LineHealthAlarms alarms;
    private final LineHealthMetrics metrics;
    private final LineHealthProperties props;
    private final ObjectProvider<SipAgent> agent;
    private final Clock clock;
    private final AtomicReference<UUID> running = new AtomicReference<>();
    private volatile TestCallPlan plan;
    private final TargetSetService targetSet;
    private ScheduledExecutorService caller;
    private ScheduledExecutorService checks;
    /** The target set's schedule in force; null: the configuration's. */
    private volatile TargetSet.TestCallSchedule schedule;
    private ScheduledFuture<?> tick;
    private Duration every;

    TestCallService(JdbcTestCallRepository calls, LineHealthAlarms alarms, LineHealthMetrics metrics,
                    LineHealthProperties props, ObjectProvider<SipAgent> agent, Clock clock,
                    TargetSetService targetSet) {
        this.calls = calls;
        this.alarms = alarms;
        this.metrics = metrics;
        this.props = props;
        this.agent = agent;
        this.clock = clock;
        this.targetSet = targetSet;
        this.plan = props.testCall().configured() ? TestCallPlan.of(props.testCall()) : null;
    }

    @PostConstruct
    void start() {
        caller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "line102-linehealth-test-call"));
        checks = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "line102-linehealth-test-call-checks"));
        targetSet.onApplied(this::reschedule);
        reschedule();
    }

    /** Follows the schedule of the target set in force: how often, and the steps' budgets. */
    synchronized void reschedule() {
        TargetSet.TestCallSchedule s = targetSet.current().payload().testCalls();
        this.schedule = s;
        Duration next = s == null ? props.testCall().interval() : Duration.ofSeconds(s.intervalSeconds());
        if (next.equals(every) || caller == null) {
            return;
        }
        every = next;
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        if (props.enabled() && plan != null && !next.isZero()) {
            tick = caller.scheduleWithFixedDelay(this::scheduled, next.toMillis(), next.toMillis(),
                    TimeUnit.MILLISECONDS);
            log.info("test calls to {} every {}", plan.peer(), next);
        } else {
            log.info("no scheduled test calls (on demand only)");
        }
    }

    /** The plan with the budgets of the schedule in force, where the target set gives one. */
    private TestCallPlan effective(TestCallPlan p) {
        TargetSet.TestCallSchedule s = schedule;
        if (p == null || s == null) {
            return p;
        }
        return new TestCallPlan(p.peer(), p.callerNumber(), p.answerTimeout(), p.media(), p.byeTimeout(),
                p.maxLossPct(), new TestCallPlan.Budgets(Duration.ofMillis(s.eventsBudgetMs()),
                Duration.ofMillis(s.callRecordBudgetMs()), Duration.ofMillis(s.routingBudgetMs()),
                Duration.ofMillis(s.recordingBudgetMs())), p.requireCallRecord());
    }

    /** Within the schedule's daily window (the centre's zone); no window: always. */
    private boolean inWindow() {
        TargetSet.TestCallSchedule s = schedule;
        if (s == null) {
            return true;
        }
        LocalTime from = TargetSetValidator.timeOfDay(s.from());
        LocalTime to = TargetSetValidator.timeOfDay(s.to());
        if (from == null || to == null) {
            return true;
        }
        LocalTime now = LocalTime.ofInstant(clock.instant(), props.zone());
        return from.isBefore(to) ? !now.isBefore(from) && now.isBefore(to) : !now.isBefore(from) || now.isBefore(to);
    }

    @PreDestroy
    void stop() {
        caller.shutdownNow();
        checks.shutdownNow();
    }

    /**
     * The routing service answered a call: kept when it is from the test caller, so the
     * node checking the test call sees the routing step (whichever node Asterisk asked).
     */
    @EventListener
    void routed(Routed routed) {
        TestCallPlan p = plan;
        String caller = routed.request().callerNumber();
        if (p == null || caller == null || !caller.equals(p.callerNumber())) {
            return;
        }
        try {
            calls.insertRoute(UUID.fromString(routed.request().callId().value()), caller, routed.decision().queue(),
                    routed.decision().reason(), routed.at());
        } catch (RuntimeException e) {
            log.warn("callId={} test call's routing answer not kept: {}", routed.request().callId(), e.toString());
        }
    }

    /** The destination can be changed at run time by the application (not over the API). */
    void plan(TestCallPlan plan) {
        this.plan = plan;
    }

    List<TestCallRecord> recent(int limit) {
        return calls.recent(limit);
    }

    Optional<TestCallRecord> find(UUID id) {
        return calls.find(id);
    }

    /** Starts a test call now; it runs in the background and its record fills in as it goes. */
    TestCallRecord onDemand(String by) {
        TestCallPlan p = ready();
        UUID id = UUID.randomUUID();
        if (!running.compareAndSet(null, id)) {
            throw new ConflictException(ProblemCodes.TEST_CALL_RUNNING, "test call " + running.get() + " is still running");
        }
        TestCallRecord record = calls.start(id, clock.instant(), "on-demand", by);
        log.info("testCall={} requested by {} to {}", id, by, p.peer());
        caller.execute(() -> place(record, p));
        return record;
    }

    private void scheduled() {
        try {
            TestCallPlan p = effective(plan);
            UUID id = UUID.randomUUID();
            if (p == null || !inWindow() || !running.compareAndSet(null, id)) {
                return;
            }
            Optional<TestCallRecord> record = calls.startScheduled(id, clock.instant(), every);
            if (record.isEmpty()) {
                running.set(null);
                return;
            }
            place(record.get(), p);
        } catch (RuntimeException e) {
            running.set(null);
            log.error("scheduled test call not started: {}", e.toString());
        }
    }

    private TestCallPlan ready() {
        TestCallPlan p = effective(plan);
        if (p == null) {
            throw new ConflictException(ProblemCodes.TEST_CALL_NOT_CONFIGURED, "no test number is configured "
                    + "(line102.callcenter.line-health.test-call.host)");
        }
        if (agent.getIfAvailable() == null) {
            throw new ConflictException(ProblemCodes.LINE_HEALTH_DISABLED, "line health is disabled on this node "
                    + "(line102.callcenter.line-health.enabled)");
        }
        return p;
    }

    private void place(TestCallRecord record, TestCallPlan p) {
        TestCallResult r;
        try {
            r = new TestCaller(agent.getObject()).call(p.peer(), p.callerNumber(), p.answerTimeout(), p.media(),
                    p.byeTimeout(), p.maxLossPct());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(null);
            return;
        } catch (RuntimeException e) {
            running.set(null);
            log.error("testCall={} failed on our side: {}", record.id(), e.toString());
            return;
        }
        running.set(null);
        if (!r.passed()) {
            finish(record, p, r, new ArrayList<>(r.steps()), null, r.outcome().code(), r.detail());
            return;
        }
        check(record, p, r, new EndToEndSteps(record.startedAt(), p));
    }

    /** Looks at the steps on our side until each is seen or its budget is spent (see {@link EndToEndSteps}). */
    private void check(TestCallRecord record, TestCallPlan p, TestCallResult r, EndToEndSteps seen) {
        try {
            if (!seen.look(calls, clock.instant())) {
                checks.schedule(() -> check(record, p, r, seen), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            List<TestCallResult.Step> ours = seen.steps();
            List<TestCallResult.Step> steps = new ArrayList<>(r.steps());
            steps.addAll(ours);
            Optional<String> failed = EndToEndSteps.failure(ours);
            String detail = failed.isEmpty() ? r.detail() : ours.stream().filter(s -> !s.ok())
                    .map(s -> s.name() + ": " + s.detail()).reduce((x, y) -> x + "; " + y).orElse("");
            if (failed.isPresent() && !p.requireCallRecord()) {
                // Shown, not failed: this PBX is not known to report to us (require-call-record off).
                log.info("testCall={} steps on our side not all within budget (not required): {}", record.id(),
                        detail);
                detail = r.detail();
                failed = Optional.empty();
            }
            UUID callId = seen.call() == null ? null : seen.call().id();
            finish(record, p, r, steps, callId, failed.orElse("passed"), detail);
        } catch (RuntimeException e) {
            log.error("testCall={} steps on our side not checked: {}", record.id(), e.toString());
            finish(record, p, r, new ArrayList<>(r.steps()), null, "passed", r.detail());
        }
    }

    private void finish(TestCallRecord record, TestCallPlan p, TestCallResult r, List<TestCallResult.Step> steps,
                        UUID callId, String outcome, String detail) {
        try {
            calls.finish(record.id(), outcome, detail, r, steps, callId);
            calls.pruneRoutes(clock.instant().minus(Duration.ofDays(1)));
            metrics.testCall(outcome, Duration.between(record.startedAt(), clock.instant()));
            if (outcome.equals("passed")) {
                log.info("testCall={} passed: {}", record.id(), detail);
                alarms.testCallPassed("test call " + record.id() + " passed");
            } else {
                log.warn("testCall={} failed: {} ({})", record.id(), outcome, detail);
                alarms.testCallFailed(p.peer().user(), outcome, detail);
            }
        } catch (RuntimeException e) {
            log.error("testCall={} result not recorded: {}", record.id(), e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
