package kz.line102.callcenter.caller;

import kz.line102.callcenter.app.PersonalData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import kz.line102.callcenter.app.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscriber part of caller cards in Redis, read through to PostgreSQL. Keys
 * carry a registry generation ({@code line102:callcenter:subscriber:<gen>:<e164>});
 * every committed change of the registry bumps it, so no node can read an entry
 * older than the change, whatever was in flight, and stale entries simply expire.
 * An absent subscriber is cached too (most callers are in no registry). Without
 * Redis the lookup goes to PostgreSQL: the card is never refused for a cache.
 */
@Component
public class SubscriberCache {

    private static final Logger log = LoggerFactory.getLogger(SubscriberCache.class);
    final String GENERATION;
    final String PREFIX;
    private static final String NONE = "-";
    // One round trip: the generation and the entry under it.
    private static final String LOOKUP = """
            local g = redis.call('GET', KEYS[1]) or '0'
            return {g, redis.call('GET', ARGV[1] .. g .. ':' .. ARGV[2])}""";

    private final UnifiedJedis redis;
    private final JdbcSubscriberRepository subscribers;
    private final JsonMapper json;
    private final long ttlSeconds;

    public SubscriberCache(UnifiedJedis redis, JdbcSubscriberRepository subscribers, JsonMapper json,
                           CallerProperties props, RedisKeys keys) {
        this.GENERATION = keys.key("callcenter:subscriber:generation");
        this.PREFIX = keys.key("callcenter:subscriber:");
        this.redis = redis;
        this.subscribers = subscribers;
        this.json = json;
        this.ttlSeconds = Math.max(1, props.cacheTtl().toSeconds());
    }

    /** Where the subscriber came from, for the card and the benchmark. */
    public enum Source { CACHE, DATABASE }

    public record Lookup(Optional<Subscriber> subscriber, Source source) {
    }

    public Lookup find(String e164) {
        String generation = null;
        try {
            List<?> hit = (List<?>) redis.eval(LOOKUP, List.of(GENERATION), List.of(PREFIX, e164));
            generation = text(hit.get(0));
            String value = text(hit.get(1));
            if (value != null) {
                return new Lookup(NONE.equals(value) ? Optional.empty()
                        : Optional.of(json.readValue(value, Subscriber.class)), Source.CACHE);
            }
        } catch (JedisException e) {
            log.warn("subscriber cache unavailable, reading PostgreSQL: {}", e.getMessage());
        } catch (JacksonException e) {
            // An entry written by another version of this record: read through and overwrite it.
            log.warn("subscriber cache entry for {} unreadable, reading PostgreSQL: {}", PersonalData.number(e164),
                    PersonalData.text(e.getMessage()));
        }
        Optional<Subscriber> found = subscribers.find(e164);
        if (generation != null) {
            try {
                redis.set(PREFIX + generation + ":" + e164,
                        found.map(json::writeValueAsString).orElse(NONE), new SetParams().ex(ttlSeconds));
            } catch (JedisException e) {
                log.warn("subscriber cache unavailable, entry not kept: {}", e.getMessage());
            }
        }
        return new Lookup(found, Source.DATABASE);
    }

    /** After a committed registry change: every node's next lookup reads PostgreSQL. */
    public void registryChanged() {
        try {
            long g = redis.incr(GENERATION);
            log.info("subscriber registry changed; cache generation now {}", g);
        } catch (JedisException e) {
            // Entries of the old generation live at most cache-ttl; say so loudly.
            log.error("subscriber registry changed but the cache could not be invalidated; cards may show old "
                    + "registry data for up to the cache TTL ({} s): {}", ttlSeconds, e.getMessage());
        }
    }

    private static String text(Object o) {
        if (o instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return o == null ? null : o.toString();
    }
}
