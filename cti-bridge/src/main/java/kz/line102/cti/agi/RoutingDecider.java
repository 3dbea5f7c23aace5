package kz.line102.cti.agi;

/**
 * Chooses queue and priority for a call. Called on the routing service's own threads
 * within a time budget: an answer that comes too late, an exception or a null is
 * replaced by the configured default, so an implementation need not guard itself.
 */
@FunctionalInterface
public interface RoutingDecider {

    RouteDecision decide(RouteRequest request);
}
