/**
 * Dispatch and arrival control: patrol units and on-duty groups on the electronic duty
 * sheet (crew, patrol route, state, position), every change of state kept on the
 * unit's timeline.
 */
package kz.line102.callcenter.dispatch;
