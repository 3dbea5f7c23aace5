package kz.line102.callcenter.screenpop;

import java.util.Optional;

import kz.line102.callcenter.app.ChannelRelay;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's end of the screen-pop channel: delivers every ring to the consoles
 * connected here for that extension. A console that connects (or reconnects after a
 * Redis outage) asks for the ring in progress with {@link #current}.
 */
@Component
public class ScreenPopRelay extends ChannelRelay<OperatorRing> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public ScreenPopRelay(UnifiedJedis redis, RedisProperties redisProps, RedisKeys keys) {
        super(redisProps, ScreenPopPublisher.channel(keys), "screenpop",
                message -> JSON.readValue(message, OperatorRing.class), OperatorRing::extension);
        this.redis = redis;
        this.keys = keys;
    }

    /** The call ringing at (or taken on) {@code extension} now, if any. */
    public Optional<OperatorRing> current(String extension) {
        String body = redis.get(ScreenPopPublisher.ringKey(keys, extension));
        return body == null ? Optional.empty() : Optional.of(JSON.readValue(body, OperatorRing.class));
    }
}
