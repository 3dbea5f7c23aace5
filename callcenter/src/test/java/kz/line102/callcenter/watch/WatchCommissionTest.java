package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The chief's hand-over by a commission of at least three, with its act signed by everyone. */
@CallcenterTest
class WatchCommissionTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String outgoing;
    String incoming;
    String m1;
    String m2;
    String m3;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "watch-admin", Role.ADMIN);
        outgoing = Api.user(users, "chief-outgoing", Role.SUPERVISOR);
        incoming = Api.user(users, "chief-incoming", Role.SUPERVISOR);
        m1 = Api.user(users, "commission-1", Role.SUPERVISOR);
        m2 = Api.user(users, "commission-2", Role.SUPERVISOR);
        m3 = Api.user(users, "commission-3", Role.SUPERVISOR);
    }

    private String act(String... members) {
        return """
                {"outgoingChief":"%s","incomingChief":"%s","members":[%s],"note":"Смена начальника ЦОУ",
                 "items":[{"kind":"DOCUMENT","title":"Номенклатурные дела, 14 томов","quantity":14},
                          {"kind":"PROPERTY","title":"Сейф","serialNumber":"С-2231","condition":"исправен"}]}"""
                .formatted(outgoing, incoming, String.join(",", java.util.Arrays.stream(members).map(m -> "\"" + m + "\"").toList()));
    }

    private Response sign(long id, String user) {
        return api.json("POST", "/api/v1/watch/commission/acts/" + id + "/signatures", user, "{}");
    }

    @Test
    void aCommissionOfFewerThanThreeIsRefused() {
        Integer before = jdbc.queryForObject("select count(*) from watch_commission_acts", Integer.class);
        Response two = api.json("POST", "/api/v1/watch/commission/acts", m1, act(m1, m2));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.code()).isEqualTo("commission-too-small");
        Response sameTwice = api.json("POST", "/api/v1/watch/commission/acts", m1, act(m1, m2, m2));
        assertThat(sameTwice.code()).isEqualTo("commission-too-small");
        assertThat(jdbc.queryForObject("select count(*) from watch_commission_acts", Integer.class)).isEqualTo(before);
        // The database refuses one too.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update("""
                insert into watch_commission_acts (outgoing_chief, incoming_chief, members, drawn_by)
                values ('a', 'b', '["x","y"]', 't')"""))).isNotNull();
    }

    @Test
    void theActIsCompleteOnlyWhenEveryMemberAndBothChiefsHaveSigned() {
        Response drawn = api.json("POST", "/api/v1/watch/commission/acts", m1, act(m1, m2, m3));
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
        long id = drawn.json().get("id").asLong();
        assertThat(drawn.json().get("items")).hasSize(2);
        assertThat(drawn.json().get("complete").asBoolean()).isFalse();

        Response noSerial = api.json("POST", "/api/v1/watch/commission/acts", m1, act(m1, m2, m3).replace("\"serialNumber\":\"С-2231\",", ""));
        assertThat(noSerial.status()).isEqualTo(400);

        String stranger = Api.user(users, "commission-stranger", Role.SUPERVISOR);
        Response notOne = sign(id, stranger);
        assertThat(notOne.status()).isEqualTo(403);
        assertThat(notOne.code()).isEqualTo("not-in-commission");
        JsonNode last = null;
        for (String u : new String[] {outgoing, m1, m2, m3}) {
            last = sign(id, u).json();
            assertThat(last.get("complete").asBoolean()).isFalse();
        }
        assertThat(last.get("awaiting").get(0).asString()).isEqualTo(incoming);
        Response twice = sign(id, m1);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("act-signed");
        JsonNode complete = sign(id, incoming).json();
        assertThat(complete.get("complete").asBoolean()).isTrue();
        assertThat(complete.get("signatures")).hasSize(5);
        assertThat(complete.get("signatures").findValuesAsString("capacity")).contains("OUTGOING", "INCOMING", "MEMBER");
        assertThat(jdbc.queryForObject("select count(*) from watch_audit where action = 'commission-act-signed'"
                + " and (detail->>'act')::bigint = ?", Integer.class, id)).isEqualTo(5);
    }
}
