/**
 * Access to archived recordings for the auditors' web layer: HTTP Range parsing
 * (RFC 9110, one range), opening a recording at a validated byte range, the download
 * manifest with the file's hash (each served under its own content type: sound, or an
 * interview's video), and the access trail — every open is written to
 * {@code recording_access_log} with the user and the legal basis before a byte is served.
 */
package kz.line102.recorder.access;
