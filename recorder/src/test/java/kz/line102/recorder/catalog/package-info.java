/** Tests of the recorder's catalog package, against the real PostgreSQL and the captured MixMonitor recording. */
package kz.line102.recorder.catalog;
