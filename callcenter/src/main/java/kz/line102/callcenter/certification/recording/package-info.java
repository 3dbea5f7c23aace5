/**
 * Recordings of certification interviews (item 28 of the regulation: each interview is
 * recorded, sound and picture, and the personnel service keeps the recordings for three
 * years): uploaded to a case (sound, or a video in MP4 or WebM, kept with its picture),
 * archived by the recorder under the retention class {@code certification-interview}
 * (a row of {@code retention_policies}: data, not code), filed under the case as
 * {@code certification-case/<id>}, listed on the case, played (HTTP Range) and downloaded
 * by the personnel service only; every use, and every refused attempt, is written to the
 * hash-chained {@code audit_log} as the call archive's are.
 */
package kz.line102.callcenter.certification.recording;
