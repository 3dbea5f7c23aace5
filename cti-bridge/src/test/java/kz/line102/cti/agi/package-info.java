/** Tests of the FastAGI routing service against the captured Asterisk sessions. */
package kz.line102.cti.agi;
