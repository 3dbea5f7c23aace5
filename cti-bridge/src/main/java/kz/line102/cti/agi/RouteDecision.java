package kz.line102.cti.agi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a call goes: an app_queue queue, its priority in that queue (higher is served
 * first), and the rule that decided, which Asterisk keeps in {@code ROUTE_REASON} for
 * the record. Checked here because every value ends up in a dialplan variable.
 */
public record RouteDecision(String queue, int priority, String reason) {

    private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern REASON = Pattern.compile("[\\p{Alnum}:_.\\-]{1,80}");
    public static final int MAX_PRIORITY = 100;

    public RouteDecision {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(reason, "reason");
        if (!QUEUE.matcher(queue).matches()) {
            throw new IllegalArgumentException("not a queue name: '" + queue + "'");
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of 0.." + MAX_PRIORITY + ": " + priority);
        }
        if (!REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("reason must be 1..80 of letters, digits and :_.-: '" + reason + "'");
        }
    }
}
