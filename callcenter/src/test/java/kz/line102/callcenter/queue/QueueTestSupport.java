package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import kz.line102.callcenter.operator.QueueReconciler;
import kz.line102.callcenter.operator.OperatorStateService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.cti.QueueControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the queue tests, with its own replayed PBX and call stream.
 * Each test signs in a fresh operator at a fresh desk; a test that changes the queue
 * configuration puts the one it found back.
 */
@CallcenterTest
abstract class QueueTestSupport {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "queue-test");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoReplay replay;
    @Autowired
    QueueControl pbx;
    @Autowired
    QueueConfigService config;
    @Autowired
    QueueReconciler reconciler;
    @Autowired
    OperatorStateService states;

    Api api;
    String admin;
    String supervisor;
    String operator;
    String desk;
    String extension;
    String iface;
    private QueueConfig configBefore;

    @BeforeEach
    void operatorAtADesk() {
        api = new Api(port);
        admin = Api.user(users, "queue-admin", Role.ADMIN);
        supervisor = Api.user(users, "queue-supervisor", Role.SUPERVISOR);
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        operator = Api.user(users, "queue-op-" + n, Role.OPERATOR);
        desk = "qdesk-" + n;
        extension = "7" + n;
        iface = "PJSIP/" + extension;
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"" + desk + "\",\"extension\":\"" + extension + "\"}").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(pbx::available);
        configBefore = config.config();
    }

    @AfterEach
    void putTheConfigurationBack() {
        api.json("DELETE", "/api/v1/operators/me/session", operator, null);
        if (!config.config().equals(configBefore)) {
            config.save(configBefore, "test", "put back", null);
        }
    }

    Response signIn() {
        return api.json("POST", "/api/v1/operators/me/session", operator, "{\"workstation\":\"" + desk + "\"}");
    }

    Response setState(String json) {
        return api.json("PUT", "/api/v1/operators/me/state", operator, json);
    }

    String stateOf() {
        return api.get("/api/v1/operators/me/state", operator).json().path("state").path("state").asString();
    }

    List<QueueControl.Member> inPbx() {
        return pbx.status().members().stream().filter(m -> m.iface().equals(iface)).toList();
    }

    /** A configuration like the one in force with {@code change} applied to q102. */
    QueueConfig withQ102(java.util.function.UnaryOperator<QueueConfig.Queue> change) {
        return new QueueConfig(config.config().queues().stream()
                .map(q -> q.name().equals("q102") ? change.apply(q) : q).toList());
    }

    static QueueConfig.Queue wrapUp(QueueConfig.Queue q, int seconds) {
        return new QueueConfig.Queue(q.name(), q.strategy(), q.timeoutSeconds(), q.retrySeconds(), seconds,
                q.serviceLevelSeconds(), q.maxLen(), q.everyOperator(), q.members());
    }
}
