package kz.line102.callcenter.call;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.call.stream.StreamMessage;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallId;
import kz.line102.cti.EventId;
import kz.line102.cti.stream.CallEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The last safety net of the call lifecycle: a call that has had no event for far
 * longer than any real call lasts (its end was lost, e.g. the bridge restarted
 * while it ended) is closed with an inferred end, so no record stays "in progress"
 * for ever. The closing event's id is derived from the call, so nodes sweeping at
 * the same time close it once.
 */
@Component
class CallSweeper {

    private static final Logger log = LoggerFactory.getLogger(CallSweeper.class);

    private final JdbcTemplate jdbc;
    private final CallIntakeService intake;
    private final Duration maxSilence;
    private final Clock clock;
    private final CallEventCodec codec = new CallEventCodec();

    @Autowired
    CallSweeper(JdbcTemplate jdbc, CallIntakeService intake,
                @Value("${line102.callcenter.sweeper.max-silence:4h}") Duration maxSilence) {
        this(jdbc, intake, maxSilence, Clock.systemUTC());
    }

    CallSweeper(JdbcTemplate jdbc, CallIntakeService intake, Duration maxSilence, Clock clock) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.maxSilence = maxSilence;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${line102.callcenter.sweeper.interval:5m}", initialDelayString = "1m")
    void sweep() {
        Instant now = clock.instant();
        List<UUID> stale = jdbc.queryForList("""
                select c.id from calls c
                where c.outcome is null
                  and (select max(e.at) from call_events e where e.call_id = c.id) < ?
                limit 1000""", UUID.class, Timestamp.from(now.minus(maxSilence)));
        for (UUID id : stale) {
            CallId call = new CallId(id.toString());
            CallEnded end = new CallEnded(EventId.derive("swept", call.value()), call, now, -1,
                    "no event for " + maxSilence + ": end inferred", false);
            log.warn("callId={} no event for over {}; closing it with an inferred end", call, maxSilence);
            intake.intake(List.of(new StreamMessage("sweeper", codec.encode(end))));
        }
    }
}
