/** Tests of the recorder's API and the support they share (database, clock, fixtures). */
package kz.line102.recorder;
