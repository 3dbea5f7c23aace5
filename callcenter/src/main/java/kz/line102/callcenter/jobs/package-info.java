/**
 * The one durable-job engine. A feature enqueues a job inside its own transaction
 * ({@link kz.line102.callcenter.jobs.IncidentJobs#enqueue}), registers its step with a
 * handler ({@link kz.line102.callcenter.jobs.JobRoutes#jobRoutes} with a
 * {@link kz.line102.callcenter.jobs.JobStep}), and the engine does the rest on every
 * node: claims with SKIP LOCKED and a lease (a dead node's job is taken over when the
 * lease runs out), retries with exponential back-off up to a limit, parks the job as dead
 * for IT staff to replay, and counts per step ({@code line102.jobs.claimed|done|retried|dead},
 * {@code line102.jobs.oldest.waiting}). {@link kz.line102.callcenter.jobs.ErrorHandlers}
 * is the one Camel error-handling convention of the application.
 */
package kz.line102.callcenter.jobs;
