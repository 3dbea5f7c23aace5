package kz.line102.callcenter.linehealth;

import java.time.Duration;

/**
 * One target's state with hysteresis, fed one probe result at a time: {@code
 * failuresToDown} failures in a row put it down, {@code successesToUp} good probes in
 * a row bring it back, so one lost datagram raises nothing. While not down, a failure
 * among the last {@code window} probes, or a good probe slower than {@code slowRtt},
 * shows it as degraded. Each target has its own N, M, window and slow RTT (the target
 * set's, else the configuration's). Not thread-safe: the owner node feeds each target from one thread.
 */
final class TargetHealth {

    private final int failuresToDown;
    private final int successesToUp;
    private final int window;
    private final Duration slowRtt;
    private TargetState state;
    private int failStreak;
    private int okStreak;
    /** The last {@code window} probes, newest in bit 0; a set bit is a failure. */
    private long recent;
    private int seen;

    TargetHealth(LineHealthProperties props, TargetState state, int failStreak, int okStreak) {
        this(props.failuresToDown(), props.successesToUp(), props.window(), props.slowRtt(), state, failStreak,
                okStreak);
    }

    TargetHealth(int failuresToDown, int successesToUp, int window, Duration slowRtt, TargetState state,
                 int failStreak, int okStreak) {
        this.failuresToDown = failuresToDown;
        this.successesToUp = successesToUp;
        this.window = Math.min(window, 64);
        this.slowRtt = slowRtt;
        this.state = state;
        this.failStreak = failStreak;
        this.okStreak = okStreak;
    }

    /** A target's own hysteresis and thresholds, the configuration's where the target set leaves them empty. */
    static TargetHealth of(LineHealthProperties props, Target t) {
        return new TargetHealth(t.failuresToDown() == null ? props.failuresToDown() : t.failuresToDown(),
                t.successesToUp() == null ? props.successesToUp() : t.successesToUp(),
                t.degradedWindow() == null ? props.window() : t.degradedWindow(),
                t.slowRttMs() == null ? props.slowRtt() : Duration.ofMillis(t.slowRttMs()), t.state(),
                t.failStreak(), t.okStreak());
    }

    /** Feeds one probe; returns the state before it (equal to {@link #state()} when nothing changed). */
    TargetState apply(boolean ok, Duration rtt) {
        TargetState before = state;
        recent = (recent << 1) | (ok ? 0 : 1);
        seen = Math.min(seen + 1, window);
        if (ok) {
            okStreak++;
            failStreak = 0;
        } else {
            failStreak++;
            okStreak = 0;
        }
        if (state == TargetState.DOWN) {
            if (okStreak >= successesToUp) {
                // Back: what happened while it was down says nothing about now.
                recent = 0;
                state = rtt.compareTo(slowRtt) > 0 ? TargetState.DEGRADED : TargetState.UP;
            }
        } else if (failStreak >= failuresToDown) {
            state = TargetState.DOWN;
        } else if (!ok && state == TargetState.UNKNOWN) {
            state = TargetState.UNKNOWN;
        } else {
            state = failuresInWindow() > 0 || ok && rtt.compareTo(slowRtt) > 0 ? TargetState.DEGRADED : TargetState.UP;
        }
        return before;
    }

    private int failuresInWindow() {
        long mask = window == 64 ? -1L : (1L << Math.min(seen, window)) - 1;
        return Long.bitCount(recent & mask);
    }

    TargetState state() {
        return state;
    }

    int failStreak() {
        return failStreak;
    }

    int okStreak() {
        return okStreak;
    }
}
