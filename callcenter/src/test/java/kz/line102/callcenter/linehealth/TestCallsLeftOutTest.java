package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

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
import tools.jackson.databind.JsonNode;

/**
 * Test calls are left out of the centre's figures: the call list (unless asked for) and
 * the caller's history counts (the caller card's repeat calls; the routing rules' use
 * the same filter). Queue figures come from Asterisk's queues, which a test call never
 * joins (conf/asterisk/extensions-linehealth.conf), and the daily report counts cards.
 */
@CallcenterTest
class TestCallsLeftOutTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private final String number = "+7701" + (1000000 + (int) (Math.random() * 8999999));
    private final UUID real = UUID.randomUUID();
    private final UUID test = UUID.randomUUID();

    @BeforeEach
    void aRealCallAndATestCallFromOneNumber() {
        api = new Api(port);
        Instant now = Instant.now();
        String insert = "insert into calls (id, caller_number, caller_number_e164, caller_number_status, outcome,"
                + " offered_at, test_call) values (?, ?, ?, 'valid', 'answered', ?, ?)";
        jdbc.update(insert, real, number, number, Timestamp.from(now.minusSeconds(120)), false);
        jdbc.update(insert, test, number, number, Timestamp.from(now.minusSeconds(60)), true);
    }

    @Test
    void theCallListLeavesTestCallsOutUnlessAskedFor() {
        String supervisor = Api.user(users, "lh-calls-sup", Role.SUPERVISOR);
        String q = "/api/v1/calls?number=" + number.replace("+", "%2B");
        JsonNode byDefault = api.get(q, supervisor).json();
        assertThat(byDefault.get("items").findValuesAsString("id")).containsExactly(real.toString());
        JsonNode asked = api.get(q + "&testCalls=true", supervisor).json();
        assertThat(asked.get("items").findValuesAsString("id")).containsExactly(test.toString(), real.toString());
        Response bad = api.get(q + "&testCalls=maybe", supervisor);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("'testCalls' must be true or false");
    }

    @Test
    void theCallerCardCountsOnlyRealCalls() {
        String operator = Api.user(users, "lh-calls-op", Role.OPERATOR);
        Response card = api.get("/api/v1/callers/" + number.replace("+", "%2B") + "?reason=line%20health%20check",
                operator);
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(card.json().get("callsLast24h").asInt()).isEqualTo(1);
        assertThat(card.json().get("callsLast30d").asInt()).isEqualTo(1);
    }
}
