package kz.line102.callcenter.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Delivery to the duty desk's system over real HTTP: retried through an outage,
 * parked as dead when it lasts, sent again by IT staff, taken over from a node that
 * died holding it. The receiver answers 503 while {@link #down} is set, and 500 to the
 * next {@link #FAILS_LEFT} requests.
 */
@CallcenterTest
class AlertOutboundTest {

    private static final HttpServer DESK;
    private static final List<String> RECEIVED_IDS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILS_LEFT = new AtomicInteger();
    private static volatile boolean down;

    static {
        try {
            DESK = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DESK.createContext("/alerts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean broken = !down && FAILS_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!down && !broken) {
                RECEIVED_IDS.add(exchange.getRequestHeaders().getFirst("Line102-Alert-Id"));
            }
            byte[] body = (down ? "busy" : broken ? "error" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(down ? 503 : broken ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        DESK.start();
    }

    @DynamicPropertySource
    static void outbound(DynamicPropertyRegistry registry) {
        registry.add("line102.callcenter.alerts.outbound.uri",
                () -> "http://127.0.0.1:" + DESK.getAddress().getPort() + "/alerts");
        registry.add("line102.callcenter.alerts.outbound.max-attempts", () -> "3");
        registry.add("line102.callcenter.alerts.outbound.initial-backoff", () -> "200ms");
        registry.add("line102.callcenter.alerts.outbound.max-backoff", () -> "400ms");
        registry.add("line102.callcenter.alerts.outbound.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stopDesk() {
        DESK.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    AlertService alerts;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        down = false;
        FAILS_LEFT.set(0);
        Api.user(users, "outbound-admin", Role.ADMIN);
    }

    private Alert raise() {
        return alerts.raise(new AlertRequest("test:" + UUID.randomUUID(), "unit-late", Severity.WARNING,
                "Наряд не прибыл вовремя", Map.of("unit", "ПА-12"), null, "system"));
    }

    private Alert awaitStatus(long id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.get(id).outboundStatus().equals(status));
        return alerts.get(id);
    }

    @Test
    void aNewAlertIsDeliveredAtOnceWithItsId() {
        Alert alert = raise();
        assertThat(alert.outboundStatus()).isEqualTo("pending");
        Alert sent = awaitStatus(alert.id(), "sent");
        assertThat(sent.outboundAttempts()).isEqualTo(1);
        assertThat(sent.outboundSentAt()).isNotNull();
        assertThat(RECEIVED_IDS).contains(String.valueOf(alert.id()));
    }

    @Test
    void aShortOutageIsRiddenOutAndTheAlertStillArrivesOnce() {
        // The route's quick retries take the first three refusals; the next durable try gets through.
        FAILS_LEFT.set(4);
        Alert alert = raise();
        Alert sent = awaitStatus(alert.id(), "sent");
        assertThat(sent.outboundAttempts()).isEqualTo(2);
        assertThat(RECEIVED_IDS.stream().filter(String.valueOf(alert.id())::equals)).hasSize(1);
    }

    @Test
    void aLongOutageParksTheDeliveryAsDeadUntilItStaffSendItAgain() {
        down = true;
        Alert alert = raise();
        Alert dead = awaitStatus(alert.id(), "dead");
        assertThat(dead.outboundAttempts()).isEqualTo(3);
        assertThat(dead.outboundError()).contains("503");
        assertThat(dead.open()).as("the alert itself is still there for the screens").isTrue();
        assertThat(RECEIVED_IDS).doesNotContain(String.valueOf(alert.id()));

        down = false;
        Response resend = new Api(port).json("POST", "/api/v1/alerts/" + alert.id() + "/outbound/resend",
                "outbound-admin", null);
        assertThat(resend.status()).isEqualTo(200);
        Alert sent = awaitStatus(alert.id(), "sent");
        assertThat(sent.outboundError()).isNull();
        assertThat(RECEIVED_IDS).contains(String.valueOf(alert.id()));
    }

    @Test
    void aDeliveryHeldByANodeThatDiedIsTakenOverWhenItsLeaseRunsOut() {
        // What a node leaves behind when it dies between taking a delivery and reporting it.
        long id = jdbc.queryForObject("insert into alerts (dedup_key, kind, severity, title, raised_by,"
                + " outbound_status, outbound_next_at) values (?, 'unit-late', 'warning', 'left by a dead node',"
                + " 'system', 'pending', clock_timestamp() + interval '1 second') returning id", Long.class,
                "test:" + UUID.randomUUID());
        Alert sent = awaitStatus(id, "sent");
        assertThat(sent.outboundAttempts()).isEqualTo(1);
        assertThat(RECEIVED_IDS).contains(String.valueOf(id));
    }
}
