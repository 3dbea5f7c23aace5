package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.EventId;
import kz.line102.cti.OperatorRang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The console socket: who may open it, and that each console hears only its own phone. */
class ScreenPopSocketTest extends IntakeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    WorkstationService workstations;
    @Autowired
    OperatorService operators;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String mine = "7" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    private final String theirs = "6" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

    @BeforeEach
    void twoOperatorsAtTwoPhones() {
        Api.user(users, "socket-admin", Role.ADMIN);
        Api.user(users, "socket-op-a", Role.OPERATOR);
        Api.user(users, "socket-op-b", Role.OPERATOR);
        Api.user(users, "socket-idle", Role.OPERATOR);
        Api.user(users, "socket-supervisor", Role.SUPERVISOR);
        workstations.create("ws-" + mine, mine, null);
        workstations.create("ws-" + theirs, theirs, null);
        operators.signIn("socket-op-a", mine);
        operators.signIn("socket-op-b", theirs);
        operators.signOut("socket-idle");
    }

    /** A console's socket, signed in with HTTP Basic as {@code user}; collects what it receives. */
    private record Console(WebSocket socket, List<JsonNode> received, List<Integer> closes) {
    }

    private Console open(String user) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        List<Integer> closes = new CopyOnWriteArrayList<>();
        JsonMapper mapper = json;
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(mapper.readTree(text.toString()));
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closes.add(status);
                return null;
            }
        };
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/screenpop"), listener).join();
        return new Console(socket, received, closes);
    }

    private void ring(String extension, String number) {
        CallId call = newCall();
        Instant t0 = Instant.now();
        publisher.accept(new CallOffered(EventId.random(), call, t0, number, null, "102", true));
        publisher.accept(new OperatorRang(EventId.random(), call, t0.plusSeconds(5), "q102", extension, "Operator"));
    }

    @Test
    void nobodyButASignedInOperatorOpensAConsole() {
        assertThatThrownBy(() -> open(null))
                .satisfies(e -> assertThat(handshake(e).getResponse().statusCode()).isEqualTo(401));
        assertThatThrownBy(() -> open("socket-supervisor"))
                .satisfies(e -> assertThat(handshake(e).getResponse().statusCode()).isEqualTo(403));

        Console idle = open("socket-idle");
        await().atMost(Duration.ofSeconds(10)).until(() -> !idle.closes().isEmpty());
        assertThat(idle.received()).singleElement().satisfies(m -> {
            assertThat(m.get("type").asString()).isEqualTo("error");
            assertThat(m.get("code").asString()).isEqualTo("no-workstation");
        });
        assertThat(idle.closes()).containsExactly(1008);
    }

    @Test
    void eachConsoleHearsOnlyItsOwnPhoneAndALateConsoleGetsTheRingingCall() {
        Console a = open("socket-op-a");
        Console b = open("socket-op-b");
        ring(mine, "+77012345678");

        await().atMost(Duration.ofSeconds(10)).until(() -> !a.received().isEmpty());
        JsonNode pop = a.received().get(0);
        assertThat(pop.get("type").asString()).isEqualTo("ring");
        assertThat(pop.get("extension").asString()).isEqualTo(mine);
        assertThat(pop.get("callerNumber").asString()).isEqualTo("+77012345678");
        assertThat(pop.get("card").get("numberE164").asString()).isEqualTo("+77012345678");

        Console late = open("socket-op-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> !late.received().isEmpty());
        assertThat(late.received().get(0).get("callId").asString()).isEqualTo(pop.get("callId").asString());

        ring(theirs, "+77012345679");
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.received().isEmpty());
        assertThat(b.received()).allSatisfy(m -> assertThat(m.get("extension").asString()).isEqualTo(theirs));
        assertThat(a.received()).allSatisfy(m -> assertThat(m.get("extension").asString()).isEqualTo(mine));
    }

    @Test
    void aConsoleThatTalksIsToldItOnlyListens() {
        Console a = open("socket-op-a");
        a.socket().sendText("{\"type\":\"answer\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.received().stream()
                .anyMatch(m -> "read-only".equals(m.path("code").asString())));
    }

    private static WebSocketHandshakeException handshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException h) {
                return h;
            }
        }
        throw new AssertionError("not a refused handshake", e);
    }
}
