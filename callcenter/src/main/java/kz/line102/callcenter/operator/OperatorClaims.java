package kz.line102.callcenter.operator;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import kz.line102.callcenter.operator.PbxProblems.OperatorBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One change at a time per operator, across nodes, without a transaction open while the
 * PBX is asked: a claim on the operator's row is committed before the AMI commands and
 * cleared after Asterisk's answer is recorded (V72). A PBX that never answers costs a
 * waiting request thread, never a pooled connection, so call intake keeps committing.
 */
final class OperatorClaims {

    private static final Logger log = LoggerFactory.getLogger(OperatorClaims.class);
    /** Longer than any change takes with a PBX that answers (a few commands of action-timeout each). */
    static final Duration HOLD = Duration.ofSeconds(60);
    /** How long a change waits for another of the same operator before it is refused as busy. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final JdbcOperatorStateRepository states;
    private final Duration wait;

    OperatorClaims(JdbcOperatorStateRepository states) {
        this(states, WAIT);
    }

    OperatorClaims(JdbcOperatorStateRepository states, Duration wait) {
        this.states = states;
        this.wait = wait;
    }

    /** Runs {@code work} holding the operator's claim, waiting for another change to finish first. */
    <T> T exclusive(long userId, String username, Supplier<T> work) {
        String token = token();
        long deadline = System.nanoTime() + wait.toNanos();
        long pauseMillis = 5;
        while (!states.claim(userId, token, HOLD.toMillis())) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                log.warn("operatorId={} change refused: another change of this operator is still waiting for the "
                        + "PBX after {} s", username, wait.toSeconds());
                throw new OperatorBusyException(username);
            }
            LockSupport.parkNanos(pauseMillis * 1_000_000L);
            pauseMillis = Math.min(100, pauseMillis * 2);
        }
        try {
            return work.get();
        } finally {
            states.release(userId, token);
        }
    }

    /** Runs {@code work} only if nobody holds the operator now; returns whether it ran. */
    boolean ifFree(long userId, Runnable work) {
        String token = token();
        if (!states.claim(userId, token, HOLD.toMillis())) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            states.release(userId, token);
        }
    }

    private static String token() {
        return Thread.currentThread().getName() + "/" + UUID.randomUUID();
    }
}
