package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.net.http.HttpRequest;

import java.time.Duration;

import kz.line102.callcenter.Api;

import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.app.RedisKeys;
import kz.line102.callcenter.app.RedisProperties;
import kz.line102.callcenter.testing.TestSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketSession;
import redis.clients.jedis.UnifiedJedis;

/**
 * Disabling, demoting or re-keying a user ends their sessions and closes their sockets
 * at once, on this node and on another one that shares only Redis.
 */
@CallcenterTest
class SessionsFollowTheAccountTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    RedisProperties redisProps;
    @Autowired
    RedisKeys keys;
    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.user(users, "sessions-admin", Role.ADMIN);
    }

    @Test
    void aDisabledUsersNextRequestIsUnauthenticated() {
        String user = Api.user(users, "sessions-disabled", Role.OPERATOR);
        String session = api.signInByForm(user);
        assertThat(api.withSession("GET", "/api/v1/operators/me", session).status()).isEqualTo(200);

        assertThat(api.json("PUT", "/api/v1/admin/users/" + user, admin, "{\"enabled\":false}").status())
                .isEqualTo(200);

        assertThat(api.withSession("GET", "/api/v1/operators/me", session).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/operators/me", user).status()).isEqualTo(401);
    }

    @Test
    void aDemotedUserLosesTheRolesEndpointsAtOnce() {
        String user = Api.user(users, "sessions-demoted", Role.OPERATOR, Role.SUPERVISOR);
        String session = api.signInByForm(user);
        assertThat(api.withSession("GET", "/api/v1/operators/states", session).status()).isEqualTo(200);

        assertThat(api.json("PUT", "/api/v1/admin/users/" + user, admin, "{\"roles\":[\"OPERATOR\"]}").status())
                .isEqualTo(200);

        assertThat(api.withSession("GET", "/api/v1/operators/states", session).status()).as("the session ended").isEqualTo(401);
        assertThat(api.get("/api/v1/operators/states", user).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/operators/me", user).status()).isEqualTo(200);
    }

    @Test
    void anUnchangedAccountKeepsItsSession() {
        String user = Api.user(users, "sessions-kept", Role.OPERATOR);
        String session = api.signInByForm(user);
        assertThat(api.json("PUT", "/api/v1/admin/users/" + user, admin, "{\"displayName\":\"Renamed\"}").status())
                .isEqualTo(200);
        assertThat(api.withSession("GET", "/api/v1/operators/me", session).status()).isEqualTo(200);
    }

    @Test
    void aDemotedSupervisorsAlertScreenCloses() {
        String user = Api.user(users, "sessions-alerts", Role.SUPERVISOR);
        TestSocket screen = TestSocket.open(port, "/ws/alerts", user);
        await().atMost(Duration.ofSeconds(10)).until(() -> !screen.received().isEmpty());

        api.json("PUT", "/api/v1/admin/users/" + user, admin, "{\"roles\":[\"OPERATOR\"]}");

        await().atMost(Duration.ofSeconds(10)).until(() -> !screen.closes().isEmpty());
        assertThat(screen.closes()).containsExactly(AccountSessions.CLOSE_CODE);
    }

    @Test
    void anotherNodeClosesItsSocketsAndEndsItsSessionsToo() throws Exception {
        String user = Api.user(users, "sessions-two-nodes", Role.OPERATOR);
        AccountSessions otherNode = new AccountSessions(redis, redisProps, keys);
        otherNode.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(otherNode::subscribed);
            WebSocketSession socketThere = mock(WebSocketSession.class);
            otherNode.register(user, AccountSessions.Sockets.SCREEN_POP, socketThere);
            MockHttpSession sessionThere = new MockHttpSession();
            MockHttpServletRequest signInThere = new MockHttpServletRequest();
            signInThere.setSession(sessionThere);
            SessionGenerationFilter.remember(otherNode, signInThere, user);
            assertThat(requestThere(otherNode, sessionThere, user)).as("signed in there").isTrue();

            api.json("PUT", "/api/v1/admin/users/" + user, admin, "{\"enabled\":false}");

            verify(socketThere, org.mockito.Mockito.timeout(10_000))
                    .close(argThat(s -> s.getCode() == AccountSessions.CLOSE_CODE));
            assertThat(requestThere(otherNode, sessionThere, user)).as("ended there").isFalse();
            assertThat(sessionThere.isInvalid()).isTrue();
        } finally {
            otherNode.stop();
        }
    }

    /** One request through the other node's filter: is it still authenticated afterwards? */
    private static boolean requestThere(AccountSessions node, MockHttpSession session, String user) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/operators/me");
        request.setSession(session);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        try {
            new SessionGenerationFilter(node).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
            return SecurityContextHolder.getContext().getAuthentication() != null;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
