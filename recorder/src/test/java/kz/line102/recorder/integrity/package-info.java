/** Tests of the recorder's integrity package, against the real PostgreSQL and the captured MixMonitor recording. */
package kz.line102.recorder.integrity;
