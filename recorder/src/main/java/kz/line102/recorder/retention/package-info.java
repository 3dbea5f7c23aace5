/**
 * Retention: policies as rows ({@code retention_policies}: class → how long, counted from
 * the call's time), legal holds placed and lifted by a named user with a reason and a
 * reference, and the purge that deletes what expired and nothing else, auditing every
 * deletion.
 *
 * <p>The purge distrusts clocks: it refuses to run when the application's clock is behind
 * the previous run or disagrees with the database's, and judges expiry against a trusted
 * time that running nodes move forward only by what their monotonic clocks measured
 * ({@code retention_clock}), never past the previous run plus {@code max-clock-step}. So
 * clocks set ahead, even all of them, delete nothing early, and one that jumps back
 * deletes nothing at all until real time catches up. One purge runs at a time across
 * nodes (a PostgreSQL advisory lock).
 */
package kz.line102.recorder.retention;
