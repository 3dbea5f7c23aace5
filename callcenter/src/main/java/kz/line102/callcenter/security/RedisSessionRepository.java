package kz.line102.callcenter.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import kz.line102.callcenter.app.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Browser sessions kept in Redis, so a browser signed in on one node is served by any other
 * (no sticky sessions; a node that dies mid-watch takes no operator's sign-in with it).
 * Each session is one hash: its times and one field per attribute. A save writes only the
 * attributes changed by that request, so two requests of one browser running at once on two
 * nodes do not overwrite each other's attributes (the CSRF token of one, the sign-in of the
 * other). Attributes are Java-serialized; reading them back accepts only the classes a
 * session of ours holds, so a forged hash cannot instantiate anything else.
 * <p>
 * Redis away must not sign operators out (the sign-in itself works without it, see the
 * sign-in guard): every node keeps a copy of the sessions it served and uses it while Redis does
 * not answer; what changed meanwhile is written whole at the session's first save once Redis is
 * back, and sign-outs made meanwhile are applied then.
 */
final class RedisSessionRepository implements SessionRepository<RedisSessionRepository.RedisSession> {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionRepository.class);

    private static final String CREATED = "created";
    private static final String LAST_ACCESSED = "lastAccessed";
    private static final String MAX_INACTIVE = "maxInactive";
    private static final String ATTRIBUTE = "attr:";
    private static final ObjectInputFilter ONLY_OURS = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=1000000;java.**;javax.security.auth.**;"
                    + "org.springframework.security.**;org.springframework.session.**;kz.line102.**;!*");

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration maxInactive;
    /** The sessions this node served, as of their last save here. */
    private final Map<String, MapSession> local = new ConcurrentHashMap<>();
    /** Saved here while Redis was away: their next save writes them whole. */
    private final Set<String> unwritten = ConcurrentHashMap.newKeySet();
    /** Ended here while Redis was away: removed there once it answers. */
    private final Set<String> unended = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean away = new AtomicBoolean();
    private final AtomicLong saves = new AtomicLong();

    RedisSessionRepository(UnifiedJedis redis, RedisKeys keys, Duration maxInactive) {
        this.redis = redis;
        this.keys = keys;
        this.maxInactive = maxInactive;
    }

    private void redisAway(String what, JedisException e) {
        if (away.compareAndSet(false, true)) {
            log.error("browser sessions served from this node's copies, Redis does not answer ({}): {}", what,
                    e.toString());
        }
    }

    private void redisBack() {
        if (away.compareAndSet(true, false)) {
            log.warn("browser sessions back in Redis; {} sessions to write, {} sign-outs to apply",
                    unwritten.size(), unended.size());
        }
        for (String id : unended) {
            redis.del(key(id));
            unended.remove(id);
        }
    }

    private byte[] key(String id) {
        return keys.key("callcenter:security:session:" + id).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public RedisSession createSession() {
        MapSession s = new MapSession();
        s.setMaxInactiveInterval(maxInactive);
        RedisSession created = new RedisSession(s, true);
        created.changed.put(CREATED, bytes(s.getCreationTime()));
        created.changed.put(MAX_INACTIVE, bytes(maxInactive.toSeconds()));
        return created;
    }

    @Override
    public void save(RedisSession session) {
        String originalId = session.originalId;
        String id = session.getId();
        if (!id.equals(originalId)) {
            local.remove(originalId);
            if (unwritten.remove(originalId)) {
                unwritten.add(id);
            }
        }
        local.put(id, new MapSession(session.delegate));
        if (saves.incrementAndGet() % 256 == 0) {
            local.values().removeIf(MapSession::isExpired);
        }
        try {
            write(session, originalId);
            unwritten.remove(id);
            redisBack();
        } catch (JedisException e) {
            redisAway("save", e);
            unwritten.add(id);
        }
    }

    private void write(RedisSession session, String originalId) {
        if (unwritten.contains(session.getId())) {
            session.changeAll();
        }
        if (!session.getId().equals(originalId)) {
            if (!session.isNew) {
                try {
                    redis.rename(key(originalId), key(session.getId()));
                } catch (JedisDataException e) {
                    // The old one expired or was ended meanwhile: the new id starts from what we hold.
                    session.changeAll();
                }
            }
            session.originalId = session.getId();
        }
        session.changed.put(LAST_ACCESSED, bytes(session.getLastAccessedTime().toEpochMilli()));
        Map<byte[], byte[]> set = new HashMap<>();
        for (Map.Entry<String, byte[]> e : session.changed.entrySet()) {
            set.put(field(e.getKey()), e.getValue());
        }
        // Serialized now, not when set: Spring Security fills some attributes after setting them.
        for (String name : session.attributes) {
            set.put(field(ATTRIBUTE + name), serialize(session.delegate.getAttribute(name)));
        }
        byte[] key = key(session.getId());
        redis.hset(key, set);
        if (!session.removed.isEmpty()) {
            redis.hdel(key, session.removed.stream().map(n -> field(ATTRIBUTE + n)).toArray(byte[][]::new));
        }
        redis.pexpire(key, session.getMaxInactiveInterval().toMillis());
        session.changed.clear();
        session.attributes.clear();
        session.removed.clear();
        session.isNew = false;
    }

    @Override
    public RedisSession findById(String id) {
        if (unended.contains(id)) {
            return null;
        }
        if (unwritten.contains(id)) {
            // Changed here while Redis was away: this copy is newer than Redis's, and its save writes it whole.
            return fromLocal(id);
        }
        Map<byte[], byte[]> hash;
        try {
            hash = redis.hgetAll(key(id));
        } catch (JedisException e) {
            redisAway("read", e);
            return fromLocal(id);
        }
        if (hash == null || hash.isEmpty()) {
            return forget(id);
        }
        MapSession s = new MapSession(id);
        for (Map.Entry<byte[], byte[]> e : hash.entrySet()) {
            String name = new String(e.getKey(), StandardCharsets.UTF_8);
            try {
                switch (name) {
                    case CREATED -> s.setCreationTime(Instant.ofEpochMilli(number(e.getValue())));
                    case LAST_ACCESSED -> s.setLastAccessedTime(Instant.ofEpochMilli(number(e.getValue())));
                    case MAX_INACTIVE -> s.setMaxInactiveInterval(Duration.ofSeconds(number(e.getValue())));
                    default -> {
                        if (name.startsWith(ATTRIBUTE)) {
                            s.setAttribute(name.substring(ATTRIBUTE.length()), object(e.getValue()));
                        }
                    }
                }
            } catch (RuntimeException ex) {
                // A session we cannot read is no session: the browser signs in again, nothing else breaks.
                log.error("session field '{}' unreadable, the session is ended: {}", name, ex.toString());
                deleteById(id);
                return null;
            }
        }
        if (s.isExpired()) {
            deleteById(id);
            return null;
        }
        return new RedisSession(s, false);
    }

    private RedisSession fromLocal(String id) {
        MapSession copy = local.get(id);
        if (copy == null || copy.isExpired()) {
            return forget(id);
        }
        return new RedisSession(new MapSession(copy), false);
    }

    private RedisSession forget(String id) {
        local.remove(id);
        unwritten.remove(id);
        return null;
    }

    @Override
    public void deleteById(String id) {
        forget(id);
        try {
            redis.del(key(id));
        } catch (JedisException e) {
            redisAway("sign-out", e);
            unended.add(id);
        }
    }

    private static byte[] field(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Instant time) {
        return bytes(time.toEpochMilli());
    }

    private static byte[] bytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.UTF_8);
    }

    private static long number(byte[] value) {
        return Long.parseLong(new String(value, StandardCharsets.UTF_8));
    }

    static byte[] serialize(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("session attribute of " + value.getClass().getName()
                    + " is not serializable", e);
        }
        return out.toByteArray();
    }

    static Object object(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(ONLY_OURS);
            return in.readObject();
        } catch (InvalidClassException e) {
            throw new IllegalStateException("a session attribute of a class sessions never hold: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a session attribute cannot be read: " + e, e);
        }
    }

    /** A session with the attributes this request changed, written by {@link #save}. */
    static final class RedisSession implements Session {

        private final MapSession delegate;
        private final Map<String, byte[]> changed = new HashMap<>();
        private final Set<String> attributes = new HashSet<>();
        private final Set<String> removed = new HashSet<>();
        private String originalId;
        private boolean isNew;

        RedisSession(MapSession delegate, boolean isNew) {
            this.delegate = delegate;
            this.originalId = delegate.getId();
            this.isNew = isNew;
        }

        private void changeAll() {
            changed.put(CREATED, bytes(delegate.getCreationTime()));
            changed.put(MAX_INACTIVE, bytes(delegate.getMaxInactiveInterval().toSeconds()));
            attributes.addAll(delegate.getAttributeNames());
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                removeAttribute(name);
                return;
            }
            delegate.setAttribute(name, value);
            attributes.add(name);
            removed.remove(name);
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
            attributes.remove(name);
            removed.add(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            delegate.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
            changed.put(MAX_INACTIVE, bytes(interval.toSeconds()));
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
