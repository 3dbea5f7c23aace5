package kz.line102.cti.agi;

import java.time.Instant;

/**
 * A routing request answered: the variables were set on the channel at {@code at}.
 * Given to the routing service's listener (line health looks for its test calls here,
 * to see the FastAGI step of the path a 102 call takes).
 */
public record Routed(RouteRequest request, RouteDecision decision, Instant at) {

    /** Told of every answered routing request, on the routing service's thread: it must be quick. */
    @FunctionalInterface
    public interface Listener {
        void routed(Routed routed);
    }
}
