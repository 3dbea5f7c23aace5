package kz.line102.cti.agi;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the application's decider within the time budget on a named, bounded pool, and
 * turns every way it can fail (late, threw, returned null or an invalid decision, pool
 * full) into the configured default: the caller must reach a queue whatever the
 * application does.
 */
final class BudgetedDecider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BudgetedDecider.class);

    private final RoutingDecider decider;
    private final AgiProperties props;
    private final ThreadPoolExecutor pool;

    BudgetedDecider(RoutingDecider decider, AgiProperties props) {
        this.decider = decider;
        this.props = props;
        AtomicInteger n = new AtomicInteger();
        int threads = props.maxConnections();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads), r -> {
                    Thread t = new Thread(r, "agi-decide-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** A decision under way; {@link #await} gives its answer within the budget counted from now. */
    final class Pending {

        private final RouteRequest request;
        private final Future<RouteDecision> answer;
        private final long deadline;
        private final RouteDecision refused;

        private Pending(RouteRequest request) {
            this.request = request;
            this.deadline = System.nanoTime() + props.decisionBudget().toNanos();
            Future<RouteDecision> submitted = null;
            RouteDecision busy = null;
            try {
                submitted = pool.submit(() -> decider.decide(request));
            } catch (RejectedExecutionException e) {
                log.warn("callId={} routing decider busy ({} in flight): default queue", request.callId(),
                        pool.getActiveCount());
                busy = props.fallback("busy");
            }
            this.answer = submitted;
            this.refused = busy;
        }

        RouteRequest request() {
            return request;
        }

        /** The decision, or the default with the reason {@code fallback:<why>}; never null, never throws. */
        RouteDecision await() {
            if (refused != null) {
                return refused;
            }
            try {
                RouteDecision decision = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (decision == null) {
                    log.warn("callId={} routing decider gave no decision: default queue", request.callId());
                    return props.fallback("none");
                }
                return decision;
            } catch (TimeoutException e) {
                answer.cancel(true);
                log.warn("callId={} routing decider took longer than {} ms: default queue", request.callId(),
                        props.decisionBudget().toMillis());
                return props.fallback("timeout");
            } catch (ExecutionException e) {
                log.warn("callId={} routing decider failed: default queue", request.callId(), e.getCause());
                return props.fallback("error");
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                return props.fallback("interrupted");
            }
        }

        /** Gives up a decision no longer wanted. */
        void cancel() {
            if (answer != null) {
                answer.cancel(true);
            }
        }
    }

    /** Starts deciding now; the budget runs from this moment. */
    Pending start(RouteRequest request) {
        return new Pending(request);
    }

    RouteDecision decide(RouteRequest request) {
        return start(request).await();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
