package kz.line102.callcenter.call;

import kz.line102.cti.CallEvent;

/**
 * Work that must follow a committed call event even if this node dies right after the
 * commit (recording ingest, the draft card, the operator's wrap-up, the end of a
 * screen-pop). The intake writes one durable job per event and hand-off in the same
 * transaction as the event ({@link CallOutbox}); a job flow drains them on any node.
 * So {@link #handOff} runs at least once, possibly late (after a restart) and on
 * another node: it must be idempotent. A throw is a failed attempt, retried with
 * back-off and finally parked on the dead-letter page.
 *
 * <p>Live-only work that is worthless later (pushing a ring to a browser) stays a
 * {@link CallIntakeListener}.
 */
public interface CallHandoff {

    /** Stable name, kept in the job rows: renaming it orphans queued jobs. */
    String name();

    /** Whether this committed event needs the hand-off (decided inside the intake transaction: keep it cheap). */
    boolean wants(CallEvent event);

    /**
     * @param call the call's record as it is when the job runs; null when the call has
     *             no record yet (first seen through a resync)
     */
    void handOff(CallEvent event, CallRecord call);
}
