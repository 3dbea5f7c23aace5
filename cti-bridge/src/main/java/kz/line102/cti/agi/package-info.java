/**
 * The routing service Asterisk asks over FastAGI which queue and priority an incoming
 * call gets: the only place asterisk-java's {@code fastagi} types appear. The bridge
 * owns the protocol and the safety net (a time budget and a default decision, so a
 * caller always reaches a queue); the decision itself comes from a
 * {@link kz.line102.cti.agi.RoutingDecider} the application supplies.
 */
package kz.line102.cti.agi;
