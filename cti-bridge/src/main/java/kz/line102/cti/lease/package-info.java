/**
 * Leases: one node of several does a job at a time. {@link kz.line102.cti.lease.Lease} is
 * one named lease in Redis ({@code SET NX PX}, renewed and released only by its holder);
 * {@link kz.line102.cti.lease.LeaseKeeper} keeps trying to take it, renews it while held
 * and tells its listener when it is won and lost. The AMI link of a PBX is held under one
 * ({@code line102:cti:lease:ami:<pbx>}); jobs that must run once across nodes (sweeps,
 * reconciliations) take their own.
 */
package kz.line102.cti.lease;
