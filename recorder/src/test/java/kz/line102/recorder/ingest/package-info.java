/** Tests of the recorder's ingest package, against the real PostgreSQL and the captured MixMonitor recording. */
package kz.line102.recorder.ingest;
