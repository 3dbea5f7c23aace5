/**
 * The daily operational report: every registered card of a watch (08:00 to 08:00) with
 * its outcome, kept as a rollup ({@code report_lines}) by the report feed route, served as
 * JSON, CSV and PDF, and signed off by the duty officer, after which it is frozen.
 */
package kz.line102.callcenter.report;
