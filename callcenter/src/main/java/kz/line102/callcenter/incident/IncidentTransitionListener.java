package kz.line102.callcenter.incident;

/**
 * Told of every status change (registration included) inside its transaction, after
 * the card and its timeline entry are written: enqueue follow-up work here with
 * {@link kz.line102.callcenter.jobs.IncidentJobs#enqueue}, so it commits (or rolls back) with the change. Do no
 * slow or outside work here; a throw rolls the change back.
 */
public interface IncidentTransitionListener {

    void transitioned(Incident after, IncidentTransition transition);
}
