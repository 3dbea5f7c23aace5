/**
 * Bulk loads of the subscriber registry from CSV: a streaming RFC 4180 reader that
 * checks UTF-8 field by field, row validation, and the COPY-then-merge loader. One
 * bad row is reported with its line number and never stops the rest.
 */
package kz.line102.callcenter.caller.bulk;
