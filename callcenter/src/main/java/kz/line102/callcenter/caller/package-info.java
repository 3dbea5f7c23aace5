/**
 * Who is calling: phone number normalisation (libphonenumber, region KZ) and, later,
 * the subscriber registry and the caller card.
 */
package kz.line102.callcenter.caller;
