package kz.line102.callcenter.jobs;

/**
 * Thrown by a handler when no later attempt can succeed (its target is no longer
 * configured): the job is parked as dead at once with this message, for IT staff to
 * replay once the cause is fixed.
 */
public class JobCannotRunException extends RuntimeException {

    public JobCannotRunException(String message) {
        super(message);
    }
}
