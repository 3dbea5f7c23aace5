package kz.line102.callcenter.archive;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.line102.callcenter.call.CallIntakeListener;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.cti.CallEvent;
import kz.line102.cti.RecordingFinished;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.RecordingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Hands every newly committed {@link RecordingFinished} to the recorder. The recorder
 * takes the PBX's own path and looks it up in its source (the spool directory, or ARI's
 * stored recordings), so the name is passed as the PBX reported it. {@code submit} only
 * writes the job row and queues it: the transcode never runs on the intake thread.
 */
@Component
class RecordingIngestListener implements CallIntakeListener {

    private static final Logger log = LoggerFactory.getLogger(RecordingIngestListener.class);

    private final RecordingService recordings;

    RecordingIngestListener(RecordingService recordings) {
        this.recordings = recordings;
    }

    @Override
    public void committed(List<CallEvent> newEvents, List<CallRecord> changedCalls) {
        Map<String, CallRecord> byId = new HashMap<>();
        changedCalls.forEach(r -> byId.put(r.id().value(), r));
        for (CallEvent e : newEvents) {
            if (e instanceof RecordingFinished finished) {
                submit(finished, byId.get(finished.callId().value()));
            }
        }
    }

    private void submit(RecordingFinished finished, CallRecord call) {
        String callId = finished.callId().value();
        MDC.put("callId", callId);
        try {
            // Retention counts from the call's time; the event's time only when the
            // record lacks it (a call first seen through a resync).
            var callAt = call != null && call.offeredAt() != null ? call.offeredAt() : finished.at();
            String number = call == null ? null : call.callerNumber();
            String operator = call == null ? null : call.operator();
            recordings.submit(IngestRequest.of(callId, finished.fileName(), callAt, number, operator));
        } catch (RuntimeException ex) {
            // The call is stored; the recording waits in the PBX's spool and can be
            // submitted again (submit is idempotent per file name).
            log.error("callId={} recording {} not submitted for ingest", callId, finished.fileName(), ex);
        } finally {
            MDC.remove("callId");
        }
    }
}
