/**
 * Ingest of finished PBX recordings: the sources (ARI stored recordings or a spool
 * directory), the job table that makes ingest resumable, and the pipeline
 * fetch → check → transcode → decode-back → hash → store → index → delete source.
 *
 * <p>Files no event announced (the application died during calls) are found by the
 * {@link kz.line102.recorder.ingest.OrphanSweeper}; a file the PBX never closed (its
 * header's sizes are zero) is read only once it has stopped changing, and archived whole,
 * marked truncated.
 *
 * <p>Files a person uploads (certification interviews recorded outside the PBX) come in
 * through {@link kz.line102.recorder.ingest.UploadSource}: written whole under the archive
 * root's {@code incoming} folder before their job exists, then ingested and resumed like
 * a PBX file; an upload in another audio format than WAV is decoded by FFmpeg, and a
 * video (taken only where its upload allowed one) is copied stream by stream into a clean
 * MP4 or WebM, keeping its picture.
 *
 * <p>The rule every step keeps: at any crash there is the source, or the verified
 * archive copy with its index row, or both; never neither. The source is deleted only
 * after the job is marked archived in the same transaction that indexes the copy.
 */
package kz.line102.recorder.ingest;
