package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.AccountSessions;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.TestSocket;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.EventId;
import kz.line102.cti.OperatorRang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

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

    private TestSocket open(String user) {
        return TestSocket.open(port, "/ws/screenpop", user);
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
                .satisfies(e -> assertThat(TestSocket.refusedStatus(e)).isEqualTo(401));
        assertThatThrownBy(() -> open("socket-supervisor"))
                .satisfies(e -> assertThat(TestSocket.refusedStatus(e)).isEqualTo(403));

        TestSocket idle = open("socket-idle");
        await().atMost(Duration.ofSeconds(10)).until(() -> !idle.closes().isEmpty());
        assertThat(idle.received()).singleElement().satisfies(m -> {
            assertThat(m.get("type").asString()).isEqualTo("error");
            assertThat(m.get("code").asString()).isEqualTo("no-workstation");
        });
        assertThat(idle.closes()).containsExactly(1008);
    }

    @Test
    void eachConsoleHearsOnlyItsOwnPhoneAndALateConsoleGetsTheRingingCall() {
        TestSocket a = open("socket-op-a");
        TestSocket b = open("socket-op-b");
        ring(mine, "+77012345678");

        await().atMost(Duration.ofSeconds(10)).until(() -> !a.received().isEmpty());
        JsonNode pop = a.received().get(0);
        assertThat(pop.get("type").asString()).isEqualTo("ring");
        assertThat(pop.get("extension").asString()).isEqualTo(mine);
        assertThat(pop.get("callerNumber").asString()).isEqualTo("+77012345678");
        assertThat(pop.get("card").get("numberE164").asString()).isEqualTo("+77012345678");

        TestSocket late = open("socket-op-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> !late.received().isEmpty());
        assertThat(late.received().get(0).get("callId").asString()).isEqualTo(pop.get("callId").asString());

        ring(theirs, "+77012345679");
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.received().isEmpty());
        assertThat(b.received()).allSatisfy(m -> assertThat(m.get("extension").asString()).isEqualTo(theirs));
        assertThat(a.received()).allSatisfy(m -> assertThat(m.get("extension").asString()).isEqualTo(mine));
    }

    @Test
    void aConsoleHearsNothingAfterItsOperatorSignsOutAndAnotherSignsInAtThatDesk() {
        TestSocket a = open("socket-op-a");
        operators.signOut("socket-op-a");
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.closes().isEmpty());
        // Closed by the sign-out; or, when the sign-out committed before the server had looked up the new
        // console's desk, refused as having none (1008). Either way it is closed before anyone sits down there.
        assertThat(a.closes()).singleElement().isIn(AccountSessions.CLOSE_CODE, 1008);

        operators.signIn("socket-idle", mine);
        TestSocket next = open("socket-idle");
        ring(mine, "+77012345670");
        await().atMost(Duration.ofSeconds(10)).until(() -> !next.received().isEmpty());
        assertThat(next.received().get(0).get("callerNumber").asString()).isEqualTo("+77012345670");
        assertThat(a.received()).noneMatch(m -> "ring".equals(m.path("type").asString()));
        operators.signOut("socket-idle");
    }

    @Test
    void aConsoleClosesWhenItsOperatorMovesToAnotherDesk() {
        TestSocket a = open("socket-op-a");
        operators.signOut("socket-op-b");
        operators.signIn("socket-op-a", theirs);
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.closes().isEmpty());
        assertThat(a.closes()).containsExactly(AccountSessions.CLOSE_CODE);
    }

    @Test
    void aConsoleThatTalksIsToldItOnlyListens() {
        TestSocket a = open("socket-op-a");
        a.socket().sendText("{\"type\":\"answer\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.received().stream()
                .anyMatch(m -> "read-only".equals(m.path("code").asString())));
    }
}
