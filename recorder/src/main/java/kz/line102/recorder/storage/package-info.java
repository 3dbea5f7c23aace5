/**
 * The archive on disk: content-addressed files in dated folders under one root
 * ({@code yyyy/MM/dd/HH/<sha256>.opus}, an interview's video {@code .mp4} or {@code .webm}), written by copy, fsync and atomic rename so a
 * crash leaves either no file or a whole one, plus the quarantine for unreadable sources.
 * Knows nothing of the database. Also the start-up check of the recorder's directories
 * (absolute, existing, writable).
 */
package kz.line102.recorder.storage;
