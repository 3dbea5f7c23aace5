package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.cti.DemoReplay;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.IsolatedBridge;
import kz.line102.callcenter.testing.TestSocket;
import kz.line102.cti.replay.PlayOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A replayed call with a known caller number goes the whole way (AMI edge, stream,
 * intake, screen-pop with the caller card, need-to-know refusals by URI, a card with a
 * malformed number): every log line written meanwhile, at every level, is scanned and
 * none holds the number in full.
 */
@CallcenterTest
class NoCallerNumbersInLogsTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedBridge.register(registry, "log-scan-test");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    WorkstationService workstations;
    @Autowired
    OperatorService operators;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DemoReplay replay;
    @Autowired
    redis.clients.jedis.UnifiedJedis redis;
    @Autowired
    kz.line102.callcenter.app.RedisKeys keys;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            lines.add(e.getLoggerName() + " " + e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : " " + ThrowableProxyUtil.asString(e.getThrowableProxy())) + " " + e.getMDCPropertyMap());
        }
    };
    private Logger root;
    private Logger ours;
    private ch.qos.logback.classic.Level oursBefore;

    @BeforeEach
    void listen() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // The run's own levels for the libraries; DEBUG for our code, so a debugging session
        // of the application must not print numbers either. (Libraries' DEBUG, e.g. the JDK
        // HTTP client's or Camel's request events, is outside what the application writes.)
        ours = (Logger) LoggerFactory.getLogger("kz.line102");
        oursBefore = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void stop() {
        root.detachAppender(capture);
        ours.setLevel(oursBefore);
    }

    @Test
    void aWholeCallLeavesNoFullCallerNumberInTheLog() {
        String digits = "701" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        String caller = "+7" + digits;
        String operator = Api.user(users, "log-scan-operator", Role.OPERATOR);
        if (workstations.all().stream().noneMatch(w -> w.extension().equals("1001"))) {
            workstations.create("desk-1001", "1001", null);
        }
        jdbc.update("update operator_sessions set ended_at = clock_timestamp(), end_reason = 'replaced' "
                + "where ended_at is null and extension = '1001'");
        redis.del(keys.key("callcenter:ring:1001"));
        operators.signIn(operator, "1001");
        try {
            TestSocket console = TestSocket.open(port, "/ws/screenpop", operator);
            replay.server().play("answered", PlayOptions.paced(5).withCallers(caller));
            await().atMost(Duration.ofSeconds(30)).until(() -> console.received().stream()
                    .anyMatch(m -> caller.equals(m.path("callerNumber").asString())));
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "select count(*) from calls where caller_number_e164 = ? and ended_at is not null", Integer.class,
                    caller) > 0);

            Api api = new Api(port);
            // A number on none of the operator's calls, in the path: refused, and the URI is logged.
            api.get("/api/v1/callers/%2B7" + digits.substring(0, 3) + "5550102", operator);
            api.get("/api/v1/callers/" + caller.replace("+", "%2B") + "?reason=x", operator);
            api.get("/api/v1/callers/8" + digits + "abc", operator);
        } finally {
            operators.signOut(operator);
        }

        String national = digits.substring(digits.length() - 10 + 1);
        assertThat(lines).as("log lines written during the call").isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains(digits) || l.contains(national));
        assertThat(lines).anyMatch(l -> l.contains("***" + digits.substring(digits.length() - 4)));
    }
}
