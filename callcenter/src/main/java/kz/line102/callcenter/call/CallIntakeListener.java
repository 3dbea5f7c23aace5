package kz.line102.callcenter.call;

import java.util.List;

import kz.line102.cti.CallEvent;

/**
 * Told, after each commit, which call events were new and the records they changed.
 * Called on the intake thread: hand slow work elsewhere. A replayed event is not
 * reported again. Failures are logged and do not undo the commit, and a node that dies
 * right after the commit never calls it: only for live work that is worthless later
 * (a ring pushed to a browser, a shared figure the next reconciliation corrects).
 * Work that must happen is a {@link CallHandoff}.
 */
public interface CallIntakeListener {

    void committed(List<CallEvent> newEvents, List<CallRecord> changedCalls);
}
