/** The SIP user agent against sipp as the real far end over 127.0.0.1. */
package kz.line102.cti.sip;
