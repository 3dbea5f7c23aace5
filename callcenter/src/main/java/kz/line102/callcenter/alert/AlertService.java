package kz.line102.callcenter.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises, lists and acknowledges alerts. The row in PostgreSQL is the alert; the
 * Redis publication only tells the screens on every node, which reload the open list
 * whenever they (re)connect, so a message lost with Redis hides nothing for long.
 */
@Service
public class AlertService {

    private final String CHANNEL;
    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final JdbcAlertRepository alerts;
    private final UnifiedJedis redis;
    private final JsonMapper json;
    private final AlertProperties props;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Runnable outboundNudge = () -> {
    };

    AlertService(JdbcAlertRepository alerts, UnifiedJedis redis, JsonMapper json, AlertProperties props, Clock clock,
                 MeterRegistry meters, RedisKeys keys) {
        this.CHANNEL = channel(keys);
        this.alerts = alerts;
        this.redis = redis;
        this.json = json;
        this.props = props;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("line102_alerts_open", alerts, JdbcAlertRepository::countOpen)
                .description("alerts not yet acknowledged by a supervisor").register(meters);
        Gauge.builder("line102_alerts_outbound_dead", alerts, a -> a.count("dead"))
                .description("alerts whose outbound delivery gave up; IT staff can send them again").register(meters);
    }

    /** The pub/sub channel of alert messages to the screens of every node. */
    static String channel(RedisKeys keys) {
        return keys.key("alerts");
    }

    void onNewOutbound(Runnable nudge) {
        this.outboundNudge = nudge;
    }

    /**
     * Raises the alert, or returns the one already raised under the same dedup key
     * (then nothing is published or sent again). Logged at WARN, as the duty officer
     * must act on it.
     */
    public Alert raise(AlertRequest request) {
        Optional<Alert> fresh = alerts.insert(request, props.outbound().configured());
        if (fresh.isEmpty()) {
            return alerts.findByKey(request.dedupKey()).orElseThrow(
                    () -> new IllegalStateException("alert " + request.dedupKey() + " neither inserted nor found"));
        }
        Alert alert = fresh.get();
        log.warn("alertId={} kind={} severity={} incidentId={} raised: {}", alert.id(), alert.kind(),
                alert.severity().code(), alert.incidentId(), alert.title());
        Counter.builder("line102_alerts_raised").tag("kind", alert.kind()).tag("severity", alert.severity().code())
                .register(meters).increment();
        publish(AlertMessage.of("raised", alert));
        if (props.outbound().configured()) {
            outboundNudge.run();
        }
        return alert;
    }

    public Alert get(long id) {
        return alerts.find(id).orElseThrow(() -> new NoSuchAlertException(id));
    }

    /** Open alerts (or all, {@code openOnly} false) raised within {@code window}, newest first. */
    public List<Alert> list(boolean openOnly, Duration window, int limit) {
        return alerts.list(openOnly, Instant.now(clock).minus(window), limit);
    }

    /** Acknowledged alerts raised in [{@code from}, {@code to}), by kind (or family) and text; newest first. */
    public List<Alert> acknowledged(Instant from, Instant to, String kind, String text, int limit) {
        return alerts.acknowledged(from, to, kind, text, limit);
    }

    List<Alert> openForScreen() {
        return alerts.list(true, Instant.EPOCH, props.openLimit());
    }

    /** The first acknowledgement stands; a second one is a conflict naming who acknowledged. */
    public Alert acknowledge(long id, String by, String comment) {
        Optional<Alert> done = alerts.acknowledge(id, by, comment);
        if (done.isEmpty()) {
            Alert existing = get(id);
            throw new ConflictException(ProblemCodes.ALREADY_ACKNOWLEDGED, "alert " + id + " was acknowledged by "
                    + existing.acknowledgedBy() + " at " + existing.acknowledgedAt());
        }
        log.info("alertId={} acknowledged by {}", id, by);
        publish(AlertMessage.of("acknowledged", done.get()));
        return done.get();
    }

    /** Puts a dead outbound delivery back in line, counting from zero again. */
    public Alert resend(long id, String by) {
        if (!alerts.revive(id)) {
            Alert existing = get(id);
            throw new ConflictException(ProblemCodes.NOT_DEAD, "alert " + id + " delivery is '" + existing.outboundStatus()
                    + "'; only a dead delivery is sent again");
        }
        log.warn("alertId={} outbound delivery sent again by {}", id, by);
        Alert alert = get(id);
        publish(AlertMessage.of("delivery", alert));
        outboundNudge.run();
        return alert;
    }

    void publish(AlertMessage message) {
        try {
            redis.publish(CHANNEL, json.writeValueAsString(message));
        } catch (RuntimeException e) {
            // The alert is stored; screens see it when they next connect or reload.
            log.error("alert {} not published to screens ({}); it is kept and listed on reconnect",
                    message.alert() == null ? "?" : message.alert().id(), e.toString());
        }
    }
}
