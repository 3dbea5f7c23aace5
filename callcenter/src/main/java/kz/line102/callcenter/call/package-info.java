/**
 * Calls: intake of the bridge's call events, the call record projected from them,
 * its storage, and the {@code /api/v1/calls} API.
 */
package kz.line102.callcenter.call;
