/** The duty officer's screen: live alerts, the duty sheet, live incident cards. */
package kz.line102.callcenter.supervisor;
