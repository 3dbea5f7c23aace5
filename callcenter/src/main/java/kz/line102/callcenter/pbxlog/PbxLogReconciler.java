package kz.line102.callcenter.pbxlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.call.CallIntakeService;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.call.PbxCallCheck;
import kz.line102.callcenter.call.StreamMessage;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.stream.CallEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the PBX logged over a sliding window and hands the calls' events to the
 * intake, like any other source of call events: calls AMI never showed get records,
 * known calls get what a gap hid, calls that ended while we were away get the end the
 * PBX logged. Facts AMI already reported live, and events already stored, are not sent
 * again; the rest is idempotent by event id, so passes may overlap and two nodes may
 * both run them.
 */
public class PbxLogReconciler implements PbxCallCheck {

    private static final Logger log = LoggerFactory.getLogger(PbxLogReconciler.class);
    /** How far from a record's offer time its caller channel's CHAN_START is looked for. */
    private static final Duration MATCH = Duration.ofMinutes(10);
    private static final int CALLS_PER_BATCH = 50;

    private final JdbcPbxLogReader reader;
    private final PbxLogTranslator translator;
    private final CallIntakeService intake;
    private final JdbcCallRepository calls;
    private final PbxLogProperties props;
    private final Clock clock;
    private final CallEventCodec codec = new CallEventCodec();
    private final Counter passes;
    private final Counter sent;

    PbxLogReconciler(JdbcPbxLogReader reader, CallIntakeService intake, JdbcCallRepository calls,
                     PbxLogProperties props, Clock clock, MeterRegistry meters) {
        this.reader = reader;
        this.translator = new PbxLogTranslator(props.pbx(), props.inboundContexts());
        this.intake = intake;
        this.calls = calls;
        this.props = props;
        this.clock = clock;
        this.passes = Counter.builder("line102.callcenter.pbxlog.passes")
                .description("passes over the PBX's logs").register(meters);
        this.sent = Counter.builder("line102.callcenter.pbxlog.events")
                .description("call events made from the PBX's logs and handed to the intake").register(meters);
    }

    /**
     * One pass now: over the sliding window, or from where the last finished pass left off
     * when that is further back (this node, or every node, was away longer than the window),
     * at most {@code catch-up} back. Returns how many events it handed to the intake.
     */
    public int reconcileNow() {
        Instant now = clock.instant();
        Instant from = now.minus(props.window());
        Instant mark = reader.mark(props.pbx());
        // Rows older than the last pass's settle horizon were read by it; only a longer gap needs more.
        if (mark != null && mark.minus(props.settle()).isBefore(from)) {
            Instant back = mark.minus(props.settle());
            Instant limit = now.minus(props.catchUp());
            from = back.isBefore(limit) ? limit : back;
            log.info("PBX {} logs last read until {}: catching up from {}", props.pbx(), mark, from);
        }
        int sent = 0;
        // A long catch-up is read a window at a time, so no pass holds days of rows at once.
        for (Instant a = from; a.isBefore(now); a = a.plus(props.window())) {
            Instant b = a.plus(props.window()).isBefore(now) ? a.plus(props.window()) : now.plusSeconds(1);
            sent += reconcile(a, b, now);
        }
        reader.mark(props.pbx(), now);
        return sent;
    }

    int reconcile(Instant from, Instant to, Instant now) {
        List<LogRows> rows = reader.callsBetween(from, to);
        List<Instant> starts = reader.pbxStartsSince(from);
        Instant settled = now.minus(props.settle());
        List<CallEvent> events = new ArrayList<>();
        int batchCalls = 0;
        int total = 0;
        for (LogRows call : rows) {
            Instant last = call.lastAt();
            if (last != null && last.isAfter(settled)) {
                continue;
            }
            List<CallEvent> fresh = translator.translate(call, starts);
            if (fresh.isEmpty()) {
                continue;
            }
            events.addAll(fresh);
            if (++batchCalls == CALLS_PER_BATCH) {
                int n = send(events);
                total += n;
                events.clear();
                batchCalls = 0;
            }
        }
        total += send(events);
        passes.increment();
        if (total > 0) {
            log.info("PBX {} logs since {}: {} call events the records lacked handed to the intake", props.pbx(),
                    from, total);
        }
        return total;
    }

    /** Sends what is neither stored nor already known from AMI live; returns how many. */
    private int send(List<CallEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Set<UUID> stored = calls.storedEventIds(events.stream().map(e -> UUID.fromString(e.eventId().value()))
                .toList());
        Set<String> observed = calls.observedTypes(events.stream().map(e -> UUID.fromString(e.callId().value()))
                .distinct().toList());
        List<StreamMessage> messages = new ArrayList<>();
        for (CallEvent e : events) {
            if (stored.contains(UUID.fromString(e.eventId().value()))
                    || observed.contains(e.callId().value() + "/" + e.type())) {
                continue;
            }
            messages.add(new StreamMessage("pbxlog", codec.encode(e)));
        }
        if (!messages.isEmpty()) {
            intake.intake(messages);
            sent.increment(messages.size());
        }
        return messages.size();
    }

    /**
     * Brings the call up to date from the logs, then answers: ended (the PBX logged an end,
     * or started again after the call's last row), up (it has rows, no end, and its last row
     * is younger than {@code max-call-age}), or unknown (no log of it).
     */
    @Override
    public Answer check(CallId call, Instant offeredAt, Instant now) {
        if (offeredAt == null) {
            return Answer.UNKNOWN;
        }
        List<String> candidates = reader.callsStartedBetween(offeredAt.minus(MATCH), offeredAt.plus(MATCH));
        String linkedId = candidates.stream().filter(l -> translator.callId(l).equals(call)).findFirst()
                .orElse(null);
        if (linkedId == null) {
            return Answer.UNKNOWN;
        }
        LogRows rows = reader.calls(List.of(linkedId)).get(0);
        List<CallEvent> events = translator.translate(rows, reader.pbxStartsSince(offeredAt.minus(MATCH)));
        send(events);
        if (events.stream().anyMatch(e -> e instanceof CallEnded)) {
            return Answer.ENDED;
        }
        Instant last = rows.lastAt();
        if (last != null && Duration.between(last, now).compareTo(props.maxCallAge()) < 0) {
            return Answer.UP;
        }
        return Answer.UNKNOWN;
    }
}
