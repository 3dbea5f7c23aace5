package kz.line102.callcenter.linehealth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import kz.line102.cti.sip.TestCallResult.Step;

/**
 * A test call seen on our side, step by step, each within its budget from the test
 * call's start: its first AMI event came through the stream into the database
 * ({@code ami-events}), its call record exists ({@code call-record}), the routing
 * service answered it over FastAGI ({@code routing}), its recording is in the archive
 * ({@code recording-archived}). Looked at again and again until every step is seen or
 * its budget is spent; a step seen after its budget fails as one never seen, since
 * either way a real caller's call would have been late there.
 */
final class EndToEndSteps {

    /** How far before the test call's start our records of it may be dated (clocks of two hosts). */
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final Instant start;
    private final TestCallPlan plan;
    private JdbcTestCallRepository.CallSeen call;
    private Instant callSeenAt;
    private Instant events;
    private JdbcTestCallRepository.Route route;
    private Instant archived;

    EndToEndSteps(Instant start, TestCallPlan plan) {
        this.start = start;
        this.plan = plan;
    }

    /** Looks once; true when every step is settled (seen, or its budget spent). */
    boolean look(JdbcTestCallRepository repo, Instant now) {
        if (call == null) {
            call = repo.callFrom(plan.callerNumber(), start.minus(SKEW)).orElse(null);
            if (call != null) {
                callSeenAt = now;
                // At once, so no list of the centre's calls shows it while the other steps are awaited.
                repo.markTestCall(call.id());
            }
        }
        if (call != null && events == null) {
            events = repo.firstEventReceived(call.id());
        }
        if (route == null) {
            route = repo.routeFrom(plan.callerNumber(), start.minus(SKEW)).orElse(null);
        }
        if (call != null && archived == null) {
            archived = repo.archived(call.id());
        }
        TestCallPlan.Budgets b = plan.budgets();
        boolean noCall = call == null && spent(b.callRecord(), now);
        return (events != null || noCall || spent(b.events(), now))
                && (call != null || noCall)
                && (route != null || spent(b.routing(), now))
                && (archived != null || noCall || spent(b.recording(), now));
    }

    private boolean spent(Duration budget, Instant now) {
        return now.isAfter(start.plus(budget));
    }

    JdbcTestCallRepository.CallSeen call() {
        return call;
    }

    List<Step> steps() {
        TestCallPlan.Budgets b = plan.budgets();
        String callNote = call == null ? "no call from " + plan.callerNumber() + " in the calls table"
                : "call " + call.id() + ", outcome " + call.outcome();
        return List.of(
                step("ami-events", events, b.events(), call == null ? "no call record to find its events by"
                        : events == null ? "no AMI event of call " + call.id() + " stored" : "first event stored"),
                step("call-record", callSeenAt, b.callRecord(), callNote),
                step("routing", route == null ? null : route.at(), b.routing(), route == null
                        ? "the routing service did not answer a call from " + plan.callerNumber()
                        : "queue " + route.queue() + " (" + route.reason() + ")"),
                step("recording-archived", archived, b.recording(), call == null ? "no call record"
                        : archived == null ? "no recording of call " + call.id() + " in the archive"
                        : "recording archived"));
    }

    private Step step(String name, Instant seen, Duration budget, String what) {
        long budgetMs = budget.toMillis();
        if (seen == null) {
            return new Step(name, budgetMs, false, what + " within " + budgetMs + " ms");
        }
        long at = Math.max(0, Duration.between(start, seen).toMillis());
        boolean ok = at <= budgetMs;
        return new Step(name, at, ok, what + (ok ? "" : ", over its budget of " + budgetMs + " ms"));
    }

    /** The first step that failed, as a test call outcome code. */
    static Optional<String> failure(List<Step> steps) {
        return steps.stream().filter(s -> !s.ok()).findFirst().map(s -> switch (s.name()) {
            case "ami-events" -> "no-ami-events";
            case "call-record" -> "no-call-record";
            case "routing" -> "no-routing";
            default -> "no-recording";
        });
    }
}
