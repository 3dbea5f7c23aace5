/**
 * The operator's console page (static, under {@code /console}) and the small API it
 * needs besides the screen-pop socket: who is signed in (with the CSRF token for its
 * requests) and the operator's own recent calls.
 */
package kz.line102.callcenter.console;
