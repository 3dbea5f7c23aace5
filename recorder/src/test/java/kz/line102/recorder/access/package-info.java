/** Tests of the recorder's access package, against the real PostgreSQL and the captured MixMonitor recording. */
package kz.line102.recorder.access;
