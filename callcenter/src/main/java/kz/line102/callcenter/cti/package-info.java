/**
 * The bridge run inside the application: its configuration ({@code line102.cti.*}),
 * the AMI link, the Redis Stream publisher, the demo replay server when no Asterisk
 * is configured, and the AMI link's health.
 */
package kz.line102.callcenter.cti;
