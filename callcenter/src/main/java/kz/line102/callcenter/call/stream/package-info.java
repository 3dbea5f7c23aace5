/**
 * A small Camel consumer for Redis Streams over Jedis (Camel has no component for
 * them): consumer groups, acknowledgement after the route has committed, and
 * claiming of entries left pending by a consumer that died.
 */
package kz.line102.callcenter.call.stream;
