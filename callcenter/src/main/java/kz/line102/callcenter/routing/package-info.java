/**
 * Routing of incoming 102 calls: the ordered rule set (a versioned setting of the
 * {@code settings} module: versions, restores, audit, live on every node), its
 * validation, overlaps and diff, and its evaluation for the FastAGI routing service
 * ({@link kz.line102.callcenter.routing.RoutingService} is the bridge's
 * {@code RoutingDecider}).
 */
package kz.line102.callcenter.routing;
