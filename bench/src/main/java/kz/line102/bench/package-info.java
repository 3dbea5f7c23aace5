/**
 * Load benchmarks, run on demand by {@code bench/run}, never in CI. Each benchmark is
 * a {@code main} that sets up what it needs in isolation (its own database, its own
 * Redis keys), prints progress and ends with one summary line. See {@code bench/README.md}.
 */
package kz.line102.bench;
