package kz.line102.callcenter.call;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * How far intake is behind: entries in the call event stream not yet committed
 * (acknowledged entries are deleted, so the stream's length is the backlog), and how
 * many of them a consumer holds without having acknowledged them. Shown in health as
 * {@code callStream} and as the metric {@code line102.callcenter.stream.backlog}.
 */
@Component("callStream")
public class CallStreamBacklog implements HealthIndicator {

    private final UnifiedJedis redis;
    private final CallIntakeProperties props;
    private final String stream;

    public CallStreamBacklog(UnifiedJedis redis, CallIntakeProperties props,
                             @Value(CallIntakeProperties.STREAM_KEY) String stream, MeterRegistry meters) {
        this.redis = redis;
        this.props = props;
        this.stream = stream;
        Gauge.builder("line102.callcenter.stream.backlog", this, b -> b.backlogOrNaN())
                .description("call events in the stream not yet committed to PostgreSQL").register(meters);
    }

    public long backlog() {
        return redis.xlen(stream);
    }

    private double backlogOrNaN() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public Health health() {
        try {
            long length = backlog();
            long pending = 0;
            try {
                StreamPendingSummary summary = redis.xpending(stream, props.group());
                pending = summary.getTotal();
            } catch (JedisDataException e) {
                // No group yet: nothing has been read, nothing is pending.
            }
            return Health.up().withDetail("stream", stream).withDetail("backlog", length)
                    .withDetail("pending", pending).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("stream", stream).withDetail("error", e.toString()).build();
        }
    }
}
