package kz.line102.callcenter.call;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.cti.Leases;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallId;
import kz.line102.cti.EventId;
import kz.line102.cti.lease.LeaseKeeper;
import kz.line102.cti.stream.CallEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The last safety net of the call lifecycle: a call that has had no event for far
 * longer than any real call lasts (its end was lost, e.g. the bridge restarted
 * while it ended) is closed with an inferred end, so no record stays "in progress"
 * for ever. Before closing, it asks the PBX's side ({@link PbxCallCheck}): a call the
 * PBX still has up (a long quiet conversation sends no events) is left alone, and one
 * the PBX logged the end of is closed with that end instead. Silence is measured on
 * this side's clock (when events arrived), so a PBX clock behind ours closes nothing
 * early. The closing event's id is derived from the call, so nodes sweeping at the same
 * time close it once; being inferred, it never overrides an end observed or logged later.
 */
@Component
class CallSweeper {

    private static final Logger log = LoggerFactory.getLogger(CallSweeper.class);

    private final JdbcTemplate jdbc;
    private final CallIntakeService intake;
    private final Duration maxSilence;
    private final Clock clock;
    private final List<PbxCallCheck> checks;
    private final CallEventCodec codec = new CallEventCodec();
    /** Held by one node at a time; null where every instance sweeps (tests built by hand). */
    private LeaseKeeper once;

    @Autowired
    CallSweeper(JdbcTemplate jdbc, CallIntakeService intake,
                @Value("${line102.callcenter.sweeper.max-silence:4h}") Duration maxSilence,
                ObjectProvider<PbxCallCheck> checks, ObjectProvider<Leases> leases) {
        this(jdbc, intake, maxSilence, Clock.systemUTC(), checks.orderedStream().toList());
        Leases l = leases.getIfAvailable();
        // Closing is idempotent (derived ids), but one sweeper asking the PBX's logs is enough.
        this.once = l == null ? null : l.keep("call-sweeper", Duration.ofSeconds(30));
    }

    CallSweeper(JdbcTemplate jdbc, CallIntakeService intake, Duration maxSilence, Clock clock,
                List<PbxCallCheck> checks) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.maxSilence = maxSilence;
        this.clock = clock;
        this.checks = List.copyOf(checks);
    }

    @Scheduled(fixedDelayString = "${line102.callcenter.sweeper.interval:5m}", initialDelayString = "1m")
    void sweepIfHeld() {
        if (once == null || once.held()) {
            sweep();
        }
    }

    /** One sweep, whoever holds the lease (the scheduled one runs only where it is held). */
    void sweep() {
        Instant now = clock.instant();
        List<Stale> stale = jdbc.query("""
                select c.id, c.offered_at from calls c
                where c.outcome is null
                  and (select max(e.received_at) from call_events e where e.call_id = c.id) < ?
                limit 1000""", (rs, n) -> new Stale(rs.getObject(1, UUID.class),
                rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()),
                Timestamp.from(now.minus(maxSilence)));
        for (Stale s : stale) {
            CallId call = new CallId(s.id().toString());
            PbxCallCheck.Answer answer = ask(call, s.offeredAt(), now);
            if (answer == PbxCallCheck.Answer.UP) {
                log.info("callId={} no event for over {}, but the PBX still has it up: left open", call, maxSilence);
                continue;
            }
            if (answer == PbxCallCheck.Answer.ENDED) {
                log.info("callId={} closed with the end the PBX logged", call);
                continue;
            }
            CallEnded end = new CallEnded(EventId.derive("swept", call.value()), call, now, -1,
                    "no event for " + maxSilence + ": end inferred", false);
            log.warn("callId={} no event for over {}; closing it with an inferred end", call, maxSilence);
            intake.intake(List.of(new StreamMessage("sweeper", codec.encode(end))));
        }
    }

    private PbxCallCheck.Answer ask(CallId call, Instant offeredAt, Instant now) {
        for (PbxCallCheck check : checks) {
            try {
                PbxCallCheck.Answer a = check.check(call, offeredAt, now);
                if (a != PbxCallCheck.Answer.UNKNOWN) {
                    return a;
                }
            } catch (RuntimeException e) {
                // Not knowing whether the PBX has it is no reason to close it now: the next sweep asks again.
                log.warn("callId={} the PBX's side could not be asked ({}); left open until the next sweep", call,
                        e.toString());
                return PbxCallCheck.Answer.UP;
            }
        }
        return PbxCallCheck.Answer.UNKNOWN;
    }

    private record Stale(UUID id, Instant offeredAt) {
    }
}
