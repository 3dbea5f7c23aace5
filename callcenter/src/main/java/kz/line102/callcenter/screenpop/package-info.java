/**
 * Screen-pop: the moment the PBX rings an operator's phone, that operator's open
 * console learns of the call, whichever node holds its connection. Rings are
 * published once, by the node that committed them, on a Redis channel every node
 * listens to; the ring in progress is also kept per extension so a console that
 * (re)connects gets it.
 */
package kz.line102.callcenter.screenpop;
