/** Tests of the recorder's retention package, against the real PostgreSQL and the captured MixMonitor recording. */
package kz.line102.recorder.retention;
