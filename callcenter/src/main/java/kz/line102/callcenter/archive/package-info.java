/**
 * The recordings archive in the application: the recorder wired from
 * {@code line102.recorder.*}, each finished PBX recording handed to it after intake,
 * and the auditors' API (legal-basis requests, search, Range playback, download with a
 * SHA-256 manifest), every use of which lands in the hash-chained {@code audit_log}.
 */
package kz.line102.callcenter.archive;
