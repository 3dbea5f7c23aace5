package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "My calls" on the console are the calls this operator answered, not what their desk's phone answered. */
class MyCallsTest extends IntakeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @Test
    void myCallsAreTheCallsIAnsweredWhereverISatAndNotTheDesksEarlierCalls() {
        Api api = new Api(port);
        String admin = Api.user(users, "mycalls-admin", Role.ADMIN);
        String first = Api.user(users, "mycalls-first", Role.OPERATOR);
        String second = Api.user(users, "mycalls-second", Role.OPERATOR);
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String desk = "4" + n;
        String otherDesk = "3" + n;
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"mycalls-a-" + n + "\",\"extension\":\"" + desk + "\"}").status()).isEqualTo(201);
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"mycalls-b-" + n + "\",\"extension\":\"" + otherDesk + "\"}").status()).isEqualTo(201);

        // The first operator answers a call at the desk, then moves to another desk and answers one there.
        signIn(api, first, desk);
        CallId atDesk = call(desk, "+77011" + n);
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(outcome(atDesk)));
        signIn(api, first, otherDesk);
        CallId moved = call(otherDesk, "+77012" + n);
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(outcome(moved)));

        // The second sits down at the first desk afterwards and answers a call of their own there;
        // the first desk's earlier call was answered before they sat down.
        signIn(api, second, desk);
        CallId theirs = call(desk, "+77013" + n);
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(outcome(theirs)));

        await().atMost(Duration.ofSeconds(10)).until(() -> ids(api, second).contains(theirs.value()));
        assertThat(ids(api, second)).doesNotContain(atDesk.value(), moved.value());
        assertThat(ids(api, first)).contains(atDesk.value(), moved.value()).doesNotContain(theirs.value());
    }

    private static void signIn(Api api, String who, String ext) {
        Response in = api.json("POST", "/api/v1/operators/me/session", who, "{\"extension\":\"" + ext + "\"}");
        assertThat(in.status()).as(in.body()).isEqualTo(201);
    }

    private CallId call(String ext, String number) {
        CallId call = newCall();
        answered(call, number, Instant.now().minusSeconds(8).truncatedTo(ChronoUnit.MILLIS), ext, 2, 20)
                .forEach(publisher::accept);
        return call;
    }

    private static java.util.List<String> ids(Api api, String who) {
        Response r = api.get("/api/v1/operators/me/calls", who);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().findValuesAsString("id");
    }
}
