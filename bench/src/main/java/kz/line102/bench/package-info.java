/** Benchmarks run on demand by {@code bench/run}, never in CI. */
package kz.line102.bench;
