package kz.line102.callcenter.outbox;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.call.CallHandoff;
import kz.line102.callcenter.call.CallOutbox;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.jobs.JobRoutes;
import kz.line102.callcenter.jobs.JobStep;
import kz.line102.cti.CallEvent;
import kz.line102.cti.stream.CallEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Drains the intake's outbox ({@link CallOutbox}) on the job engine: each job is one
 * hand-off of one committed call event, run with the call's record as it is now. A
 * commit wakes the {@value #WAKE_ROUTE} route; the {@value #POLL_ROUTE} route takes what
 * a wake-up missed, and the jobs a node held when it died once their lease runs out.
 */
@Component
@EnableConfigurationProperties(CallHandoffProperties.class)
public class CallHandoffRoutes extends JobRoutes {

    public static final String FLOW = "call-handoff";
    public static final String WAKE_ROUTE = FLOW + "-wake";
    public static final String POLL_ROUTE = FLOW + "-poll";
    private static final Logger log = LoggerFactory.getLogger(CallHandoffRoutes.class);

    private final IncidentJobs jobs;
    private final CallHandoffProperties props;
    private final CallOutbox outbox;
    private final JdbcCallRepository calls;
    private final CallEventCodec codec = new CallEventCodec();

    public CallHandoffRoutes(IncidentJobs jobs, CallHandoffProperties props, MeterRegistry meters, CallOutbox outbox,
                             JdbcCallRepository calls) {
        super(meters);
        this.jobs = jobs;
        this.props = props;
        this.outbox = outbox;
        this.calls = calls;
    }

    @Override
    public void configure() {
        jobRoutes(JobStep.of(FLOW, CallOutbox.STEP, jobs, props, this::work));
    }

    private void work(IncidentJob job) {
        CallHandoff handoff = outbox.handoff(job.target());
        if (handoff == null) {
            throw new IllegalStateException("no hand-off named in " + job.target() + " on this node");
        }
        CallEvent event = codec.decode(codec.fromLine(job.payload()));
        String callId = event.callId().value();
        MDC.put("callId", callId);
        try {
            CallRecord call = calls.find(UUID.fromString(callId)).orElse(null);
            handoff.handOff(event, call);
            if (job.attempts() > 1) {
                log.info("callId={} hand-off {} done at attempt {}", callId, job.target(), job.attempts());
            }
        } finally {
            MDC.remove("callId");
        }
    }
}
