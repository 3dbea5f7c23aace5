/**
 * Routing of incoming 102 calls: the ordered rule set held in PostgreSQL (versioned and
 * audited), its validation, its evaluation for the FastAGI routing service
 * ({@link kz.line102.callcenter.routing.RoutingService} is the bridge's
 * {@code RoutingDecider}), and the Redis notification that makes a saved rule set live
 * on every node. Operator states and queue membership come later (issue 4, part 2).
 */
package kz.line102.callcenter.routing;
