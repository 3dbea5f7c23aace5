package kz.line102.callcenter.jobs;

/**
 * The work of one step. Handlers run at least once per job (a node may die after the work
 * and before the completion), so they are idempotent. A throw is a failed attempt, retried
 * with back-off; a {@link JobCannotRunException} parks the job at once.
 */
@FunctionalInterface
public interface JobHandler<J> {

    void handle(J job) throws Exception;
}
