/**
 * Operators at their workstations: the desks and the phone (SIP extension, queue
 * member interface) each is bound to, signing in and out at one, and the record of
 * who sat where when.
 */
package kz.line102.callcenter.operator;
