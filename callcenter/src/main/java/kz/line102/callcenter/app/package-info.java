/**
 * Wiring of the application: start-up, embedded services for a bare machine, Redis,
 * and the single place where failures become HTTP problem answers.
 */
package kz.line102.callcenter.app;
