package kz.line102.callcenter.screenpop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.line102.callcenter.call.CallHandoff;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.call.CallIntakeListener;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.cti.CallAnswered;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallEvent;
import kz.line102.cti.OperatorMissed;
import kz.line102.cti.OperatorRang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns committed ring events into {@link OperatorRing}s on the Redis channel. The
 * ring of a call in progress stays under the operator's extension until the call is
 * answered by someone else, missed or ended, so a console that connects late still
 * gets it.
 *
 * <p>Rings, misses and answers are pushed straight after the commit: they are live, and
 * worthless later (a ring pushed after a node restart would pop a card for a call that
 * is gone); what one of them fails to clear is cleared at the call's end. The end is a
 * hand-off of the intake's outbox ({@link CallHandoff}), stored with the event: if it
 * were lost, the card would stay on the operator's screen (and in Redis) for hours.
 */
@Component
class ScreenPopPublisher implements CallIntakeListener, CallHandoff {

    private final String CHANNEL;
    private final RedisKeys keys;
    private static final long RING_TTL_SECONDS = 4 * 3600;
    private static final Logger log = LoggerFactory.getLogger(ScreenPopPublisher.class);

    private final UnifiedJedis redis;
    private final JsonMapper json = JsonMapper.builder().build();

    ScreenPopPublisher(UnifiedJedis redis, RedisKeys keys) {
        this.CHANNEL = channel(keys);
        this.keys = keys;
        this.redis = redis;
    }

    static String channel(RedisKeys keys) {
        return keys.key("callcenter:screenpop");
    }

    static String ringKey(RedisKeys keys, String extension) {
        return keys.key("callcenter:ring:" + extension);
    }

    private String ringKey(String extension) {
        return ringKey(keys, extension);
    }

    private String callRingsKey(String callId) {
        return keys.key("callcenter:call-rings:" + callId);
    }

    @Override
    public void committed(List<CallEvent> newEvents, List<CallRecord> changedCalls) {
        Map<String, CallRecord> byId = new HashMap<>();
        changedCalls.forEach(r -> byId.put(r.id().value(), r));
        for (CallEvent e : newEvents) {
            CallRecord call = byId.get(e.callId().value());
            if (call == null) {
                continue;
            }
            if (e instanceof OperatorRang rang && call.endedAt() == null
                    && (call.operator() == null || call.operator().equals(rang.operator()))) {
                redis.sadd(callRingsKey(call.id().value()), rang.operator());
                redis.expire(callRingsKey(call.id().value()), RING_TTL_SECONDS);
                publish(ring(call, rang.operator(), e, true));
            } else if (e instanceof OperatorMissed missed) {
                redis.srem(callRingsKey(call.id().value()), missed.operator());
                publish(ring(call, missed.operator(), e, false));
            } else if (e instanceof CallAnswered answered) {
                // The phone that answered keeps the card; every other phone that rang stops.
                publish(ring(call, answered.operator(), e, call.endedAt() == null));
                stopOthers(call, answered.operator(), e);
            }
        }
    }

    @Override
    public String name() {
        return "screen-pop-end";
    }

    @Override
    public boolean wants(CallEvent event) {
        return event instanceof CallEnded;
    }

    /** Idempotent: the rings still held for the call are stopped, then forgotten. */
    @Override
    public void handOff(CallEvent event, CallRecord call) {
        if (call == null) {
            return;
        }
        stopOthers(call, null, event, true);
        if (call.operator() != null) {
            publish(ring(call, call.operator(), event, false), true);
        }
        redis.del(callRingsKey(call.id().value()));
    }

    private OperatorRing ring(CallRecord call, String extension, CallEvent e, boolean active) {
        return new OperatorRing(call.id().value(), extension, call.callerNumber(), call.callerNumberE164(),
                call.queue(), e.at(), active);
    }

    private void stopOthers(CallRecord call, String keep, CallEvent e) {
        stopOthers(call, keep, e, false);
    }

    private void stopOthers(CallRecord call, String keep, CallEvent e, boolean rethrow) {
        Set<String> rang = redis.smembers(callRingsKey(call.id().value()));
        for (String extension : rang) {
            if (!extension.equals(keep)) {
                publish(ring(call, extension, e, false), rethrow);
            }
        }
    }

    private void publish(OperatorRing ring) {
        publish(ring, false);
    }

    /** {@code rethrow}: a hand-off must fail (to be retried) when Redis did not take it. */
    private void publish(OperatorRing ring, boolean rethrow) {
        if (ring.extension() == null) {
            return;
        }
        String body = json.writeValueAsString(ring);
        try {
            if (ring.active()) {
                redis.set(ringKey(ring.extension()), body, SetParams.setParams().ex(RING_TTL_SECONDS));
            } else {
                clearIfSameCall(ring);
            }
            redis.publish(CHANNEL, body);
        } catch (RuntimeException ex) {
            if (rethrow) {
                throw ex;
            }
            log.error("callId={} extension={} screen-pop not published: {}", ring.callId(), ring.extension(),
                    ex.toString());
        }
    }

    private void clearIfSameCall(OperatorRing ring) {
        String current = redis.get(ringKey(ring.extension()));
        if (current != null && json.readValue(current, OperatorRing.class).callId().equals(ring.callId())) {
            redis.del(ringKey(ring.extension()));
        }
    }
}
