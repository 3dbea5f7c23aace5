/**
 * Retention: policies as rows ({@code retention_policies}: class → how long, counted from
 * the call's time), legal holds placed and lifted by a named user with a reason and a
 * reference, and the purge that deletes what expired and nothing else, auditing every
 * deletion.
 *
 * <p>The purge distrusts clocks: it refuses to run when the application's clock is behind
 * the previous run or disagrees with the database's, and never deletes against a time
 * more than {@code max-clock-step} past the previous run, while only deleting what expired
 * more than {@code grace} (≥ that step) ago. So a clock that jumps forward deletes nothing
 * early, and one that jumps back deletes nothing at all until real time catches up.
 */
package kz.line102.recorder.retention;
