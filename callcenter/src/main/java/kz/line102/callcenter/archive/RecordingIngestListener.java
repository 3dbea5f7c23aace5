package kz.line102.callcenter.archive;

import kz.line102.callcenter.call.CallHandoff;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.cti.CallEvent;
import kz.line102.cti.RecordingFinished;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.RecordingService;
import org.springframework.stereotype.Component;

/**
 * Hands every newly committed {@link RecordingFinished} to the recorder, through the
 * intake's outbox: the hand-off is stored with the event, so a node that dies right
 * after the commit still gets the recording ingested. The recorder takes the PBX's own
 * path and looks it up in its source (the spool directory, or ARI's stored recordings),
 * so the name is passed as the PBX reported it. {@code submit} only writes the job row
 * and queues it (the transcode never runs here) and is idempotent per file name, so a
 * retried hand-off adds nothing.
 */
@Component
class RecordingIngestListener implements CallHandoff {

    private final RecordingService recordings;

    RecordingIngestListener(RecordingService recordings) {
        this.recordings = recordings;
    }

    @Override
    public String name() {
        return "recording-ingest";
    }

    @Override
    public boolean wants(CallEvent event) {
        return event instanceof RecordingFinished;
    }

    @Override
    public void handOff(CallEvent event, CallRecord call) {
        RecordingFinished finished = (RecordingFinished) event;
        // Retention counts from the call's time; the event's time only when the
        // record lacks it (a call first seen through a resync).
        var callAt = call != null && call.offeredAt() != null ? call.offeredAt() : finished.at();
        String number = call == null ? null : call.callerNumber();
        String operator = call == null ? null : call.operator();
        recordings.submit(IngestRequest.of(finished.callId().value(), finished.fileName(), callAt, number, operator));
    }
}
