/**
 * Wiring of the application: start-up (waiting for the stores; embedded ones only under
 * the demo/dev profiles), the database pools and their timeouts, Redis and its durability,
 * and the single place where failures become HTTP problem answers.
 */
package kz.line102.callcenter.app;
