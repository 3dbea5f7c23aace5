/**
 * Queue statistics for supervisors: one definition of every figure (docs/statistics.md),
 * the per-call facts they are counted from ({@code JdbcCallFacts}), the 15-minute history
 * kept right when a record changes ({@code IntervalDrain}), live sliding windows pushed
 * over {@code /ws/stats} ({@code LiveStats}), and the centre's watch and quarter
 * evaluation. Reads the call records, the operator-state timeline and the incident
 * timeline; writes only its own {@code stats_*} tables. {@code web} holds the HTTP API
 * and its exports.
 */
package kz.line102.callcenter.stats;
