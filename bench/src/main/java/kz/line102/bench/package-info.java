/** Load benchmarks started by {@code bench/run}; never part of the test suite. */
package kz.line102.bench;
