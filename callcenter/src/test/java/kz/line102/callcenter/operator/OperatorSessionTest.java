package kz.line102.callcenter.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CallcenterTest
class OperatorSessionTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;
    String alice;
    String bob;
    String supervisor;
    String deskA;
    String extA;
    String deskB;
    String extB;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.user(users, "ops-admin", Role.ADMIN);
        alice = Api.user(users, "ops-alice", Role.OPERATOR);
        bob = Api.user(users, "ops-bob", Role.OPERATOR);
        supervisor = Api.user(users, "ops-supervisor", Role.SUPERVISOR);
        api.json("DELETE", "/api/v1/operators/me/session", alice, null);
        api.json("DELETE", "/api/v1/operators/me/session", bob, null);
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        deskA = "desk-" + n;
        extA = "5" + n;
        deskB = "desk-" + (n + 1);
        extB = "5" + (n + 1);
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"" + deskA + "\",\"extension\":\"" + extA + "\"}").status()).isEqualTo(201);
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"" + deskB + "\",\"extension\":\"" + extB + "\",\"iface\":\"SIP/" + extB + "\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void anOperatorSignsInAtAWorkstationByItsExtensionAndOutAgainAndBothAreRecorded() {
        Response in = api.json("POST", "/api/v1/operators/me/session", alice, "{\"extension\":\"" + extA + "\"}");
        assertThat(in.status()).isEqualTo(201);
        assertThat(in.json().path("workstation").asString()).isEqualTo(deskA);
        assertThat(in.json().path("iface").asString()).isEqualTo("PJSIP/" + extA);

        Response me = api.get("/api/v1/operators/me", alice);
        assertThat(me.json().path("session").path("extension").asString()).isEqualTo(extA);

        assertThat(api.json("DELETE", "/api/v1/operators/me/session", alice, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/operators/me", alice).json().path("session").isNull()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("""
                select s.extension, s.interface, s.started_at, s.ended_at, s.end_reason from operator_sessions s
                join users u on u.id = s.user_id where u.username = ? order by s.id desc limit 1""", alice);
        assertThat(row.get("extension")).isEqualTo(extA);
        assertThat(row.get("interface")).isEqualTo("PJSIP/" + extA);
        assertThat(row.get("ended_at")).isNotNull();
        assertThat(row.get("end_reason")).isEqualTo("signed-out");
        assertThat(api.json("DELETE", "/api/v1/operators/me/session", alice, null).status())
                .as("signing out twice is harmless").isEqualTo(204);
    }

    @Test
    void aWorkstationHeldByOneOperatorIsRefusedToAnother() {
        api.json("POST", "/api/v1/operators/me/session", alice, "{\"workstation\":\"" + deskA + "\"}");
        Response taken = api.json("POST", "/api/v1/operators/me/session", bob, "{\"workstation\":\"" + deskA + "\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("workstation-occupied");
        assertThat(taken.body()).doesNotContain(alice);
        assertThat(api.json("POST", "/api/v1/operators/me/session", alice, "{\"workstation\":\"" + deskA + "\"}")
                .status()).as("signing in again where one sits is idempotent").isEqualTo(201);
    }

    @Test
    void signingInElsewhereEndsTheEarlierSession() {
        api.json("POST", "/api/v1/operators/me/session", alice, "{\"workstation\":\"" + deskA + "\"}");
        api.json("POST", "/api/v1/operators/me/session", alice, "{\"workstation\":\"" + deskB + "\"}");
        Response me = api.get("/api/v1/operators/" + alice, alice);
        assertThat(me.json().path("session").path("workstation").asString()).isEqualTo(deskB);
        assertThat(me.json().path("session").path("iface").asString()).isEqualTo("SIP/" + extB);
        assertThat(me.json().path("recentSessions").get(1).path("endReason").asString()).isEqualTo("moved");
        assertThat(api.json("POST", "/api/v1/operators/me/session", bob, "{\"workstation\":\"" + deskA + "\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void anOperatorCannotSeeAnotherOperatorsDataNorLearnWhetherTheyExist() {
        api.json("POST", "/api/v1/operators/me/session", alice, "{\"workstation\":\"" + deskA + "\"}");
        Response other = api.get("/api/v1/operators/" + alice, bob);
        Response nobody = api.get("/api/v1/operators/no-such-operator", bob);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("forbidden");
        assertThat(other.body()).doesNotContain(deskA).doesNotContain(extA);
        assertThat(nobody.status()).isEqualTo(403);
        assertThat(nobody.json().path("detail").asString()).isEqualTo(other.json().path("detail").asString());

        Response seen = api.get("/api/v1/operators/" + alice, supervisor);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("session").path("workstation").asString()).isEqualTo(deskA);
        assertThat(api.get("/api/v1/operators/no-such-operator", supervisor).code()).isEqualTo("no-such-user");
    }

    @Test
    void disablingAWorkstationEndsTheSessionThereAndRefusesNewOnes() {
        api.json("POST", "/api/v1/operators/me/session", alice, "{\"workstation\":\"" + deskA + "\"}");
        assertThat(api.json("PUT", "/api/v1/admin/workstations/" + deskA, admin, "{\"enabled\":false}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/operators/me", alice).json().path("session").isNull()).isTrue();
        Response refused = api.json("POST", "/api/v1/operators/me/session", bob, "{\"workstation\":\"" + deskA + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("workstation-disabled");
    }

    @Test
    void badWorkstationRequestsAreClearErrors() {
        assertThat(api.json("POST", "/api/v1/operators/me/session", alice, "{}").code()).isEqualTo("invalid-request");
        assertThat(api.json("POST", "/api/v1/operators/me/session", alice, "{\"workstation\":\"nowhere-x\"}").code())
                .isEqualTo("no-such-workstation");
        assertThat(api.json("POST", "/api/v1/operators/me/session", alice, "{not json").code())
                .isEqualTo("invalid-request");
        Response dup = api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"other-" + deskA + "\",\"extension\":\"" + extA + "\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.code()).isEqualTo("workstation-exists");
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"x y\",\"extension\":\"12a\"}").code()).isEqualTo("invalid-request");
    }
}
