/**
 * The periodic integrity check: re-hashes every live archived file against the hash in
 * the index and reports those missing or altered (ERROR log line per file, metrics).
 */
package kz.line102.recorder.integrity;
