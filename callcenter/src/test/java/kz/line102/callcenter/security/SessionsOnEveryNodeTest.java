package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.testing.TcpProxy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A browser signed in on one node is served by every other: its session lives in Redis, and
 * another node (here a second repository on the same Redis, which is all a node shares) reads it
 * signed in. Two nodes saving one session at once keep each other's attributes; a session of a
 * class no session holds, or past its time, is no session.
 */
@CallcenterTest
class SessionsOnEveryNodeTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    RedisProperties redisProps;
    Api api;
    RedisSessionRepository otherNode;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        otherNode = new RedisSessionRepository(redis, keys, Duration.ofMinutes(30));
    }

    @Test
    void aSessionSignedInHereIsSignedInOnAnotherNodeAndEndsEverywhereAtSignOut() {
        String operator = Api.user(users, "any-node-operator", Role.OPERATOR);
        String session = api.signInByForm(operator);
        String id = session.substring(session.indexOf('=') + 1);

        RedisSessionRepository.RedisSession there = otherNode.findById(id);
        assertThat(there).as("the session in Redis under the run's prefix").isNotNull();
        SecurityContext context = there.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getName()).isEqualTo(operator);
        assertThat(api.withSession("GET", "/api/v1/operators/me", session).status()).isEqualTo(200);

        otherNode.deleteById(id);
        assertThat(api.withSession("GET", "/api/v1/operators/me", session).status())
                .as("ended on the other node, refused here").isEqualTo(401);
    }

    @Test
    void twoNodesSavingOneSessionAtOnceKeepBothAttributes() {
        RedisSessionRepository here = new RedisSessionRepository(redis, keys, Duration.ofMinutes(30));
        RedisSessionRepository.RedisSession created = here.createSession();
        created.setAttribute("first", "kept");
        here.save(created);

        RedisSessionRepository.RedisSession a = here.findById(created.getId());
        RedisSessionRepository.RedisSession b = otherNode.findById(created.getId());
        a.setAttribute("csrf", "token-a");
        b.setAttribute("signedIn", "operator-b");
        b.removeAttribute("first");
        here.save(a);
        otherNode.save(b);

        RedisSessionRepository.RedisSession after = here.findById(created.getId());
        assertThat(after.<String>getAttribute("csrf")).isEqualTo("token-a");
        assertThat(after.<String>getAttribute("signedIn")).isEqualTo("operator-b");
        assertThat(after.getAttributeNames()).doesNotContain("first");
    }

    @Test
    void aChangedIdMovesTheSessionAndTheOldIdIsGone() {
        RedisSessionRepository.RedisSession s = otherNode.createSession();
        s.setAttribute("who", "operator");
        otherNode.save(s);
        String old = s.getId();
        String fresh = s.changeSessionId();
        otherNode.save(s);
        assertThat(otherNode.findById(old)).isNull();
        assertThat(otherNode.findById(fresh).<String>getAttribute("who")).isEqualTo("operator");
    }

    @Test
    void aSessionPastItsTimeOrHoldingAForeignClassIsNoSession() throws Exception {
        RedisSessionRepository.RedisSession idle = otherNode.createSession();
        idle.setLastAccessedTime(Instant.now().minus(Duration.ofHours(2)));
        otherNode.save(idle);
        assertThat(otherNode.findById(idle.getId())).isNull();

        RedisSessionRepository.RedisSession forged = otherNode.createSession();
        otherNode.save(forged);
        PGobject foreign = new PGobject();
        foreign.setType("text");
        byte[] key = keys.key("callcenter:security:session:" + forged.getId()).getBytes(StandardCharsets.UTF_8);
        redis.hset(key, Map.of("attr:x".getBytes(StandardCharsets.UTF_8), RedisSessionRepository.serialize(foreign)));
        assertThat(otherNode.findById(forged.getId())).isNull();
        assertThat(redis.exists(key)).as("an unreadable session is removed").isFalse();
    }

    @Test
    void redisAwayKeepsEveryoneSignedInOnTheirNodeAndRedisGetsItAllBack() throws Exception {
        int port = TcpProxy.freePort();
        TcpProxy proxy = TcpProxy.open(port, redisProps.port());
        try (JedisPooled viaProxy = new JedisPooled(redisProps.host(), port)) {
            RedisSessionRepository node = new RedisSessionRepository(viaProxy, keys, Duration.ofMinutes(30));
            RedisSessionRepository.RedisSession before = node.createSession();
            before.setAttribute("who", "operator-1");
            node.save(before);
            RedisSessionRepository.RedisSession leaving = node.createSession();
            node.save(leaving);

            proxy.close();
            // Connections the pool still holds fail one by one; Redis is away once a new one is refused.
            await().atMost(Duration.ofSeconds(10)).until(() -> refused(viaProxy));
            RedisSessionRepository.RedisSession during = node.findById(before.getId());
            assertThat(during.<String>getAttribute("who")).as("this node's copy").isEqualTo("operator-1");
            during.setAttribute("desk", "ws-03");
            node.save(during);
            RedisSessionRepository.RedisSession signedInDuring = node.createSession();
            signedInDuring.setAttribute("who", "operator-2");
            node.save(signedInDuring);
            node.deleteById(leaving.getId());
            assertThat(node.findById(signedInDuring.getId()).<String>getAttribute("who")).isEqualTo("operator-2");
            assertThat(node.findById(leaving.getId())).isNull();
            assertThat(otherNode.findById(signedInDuring.getId())).as("not in Redis yet").isNull();

            proxy = TcpProxy.open(port, redisProps.port());
            node.save(node.findById(before.getId()));
            node.save(node.findById(signedInDuring.getId()));
            assertThat(otherNode.findById(before.getId()).<String>getAttribute("desk")).isEqualTo("ws-03");
            assertThat(otherNode.findById(before.getId()).<String>getAttribute("who")).isEqualTo("operator-1");
            assertThat(otherNode.findById(signedInDuring.getId()).<String>getAttribute("who")).isEqualTo("operator-2");
            assertThat(otherNode.findById(leaving.getId())).as("the sign-out made meanwhile").isNull();
        } finally {
            proxy.close();
        }
    }

    private static boolean refused(JedisPooled redis) {
        try {
            redis.ping();
            return false;
        } catch (JedisConnectionException e) {
            return String.valueOf(e.getMessage()).startsWith("Failed to connect");
        }
    }
}
