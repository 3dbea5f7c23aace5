package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import tools.jackson.databind.JsonNode;

/** The duty sheet over the API: units registered, put on duty, changing state with every change on the timeline. */
@CallcenterTest
class DutySheetTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private Api api;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "sheet-admin", Role.ADMIN);
        Api.user(users, "sheet-duty", Role.SUPERVISOR);
        Api.user(users, "sheet-operator", Role.OPERATOR);
    }

    private long register(String kind) {
        Response r = api.json("POST", "/api/v1/units", "sheet-admin",
                "{\"callSign\":\"ПА-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"" + kind + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private Response post(long id, String what, String json) {
        return api.json("POST", "/api/v1/units/" + id + "/" + what, "sheet-duty", json);
    }

    @Test
    void aUnitGoesOnDutyWithItsCrewChangesStateAndEveryChangeIsOnItsTimeline() {
        long id = register("patrol");
        Response onDuty = post(id, "duty", "{\"crew\":[\"ст. л-т Ахметов\",\" с-т Ким \"],\"route\":\"Маршрут 3\"}");
        assertThat(onDuty.status()).as(onDuty.body()).isEqualTo(200);
        assertThat(onDuty.json().get("status").asString()).isEqualTo("available");
        assertThat(onDuty.json().get("crew").get(1).asString()).isEqualTo("с-т Ким");
        assertThat(onDuty.json().get("patrolRoute").asString()).isEqualTo("Маршрут 3");

        assertThat(post(id, "status", "{\"status\":\"busy\",\"note\":\"приём пищи\"}").json().get("status").asString())
                .isEqualTo("busy");
        assertThat(post(id, "position", "{\"lat\":43.238,\"lon\":76.889}").json().get("lat").asDouble())
                .isEqualTo(43.238);
        assertThat(post(id, "status", "{\"status\":\"available\"}").status()).isEqualTo(200);

        Response sheet = api.get("/api/v1/units", "sheet-operator");
        assertThat(sheet.json().findValuesAsString("id")).contains(String.valueOf(id));
        assertThat(post(id, "status", "{\"status\":\"off-duty\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/units", "sheet-duty").json().findValuesAsString("id"))
                .doesNotContain(String.valueOf(id));
        assertThat(api.get("/api/v1/units?all=true", "sheet-duty").json().findValuesAsString("id"))
                .contains(String.valueOf(id));

        JsonNode timeline = api.get("/api/v1/units/" + id + "/timeline", "sheet-operator").json();
        List<String> states = timeline.findValuesAsString("status");
        assertThat(states).containsExactly("off-duty", "available", "busy", "available", "off-duty");
        assertThat(timeline.get(2).get("by").asString()).isEqualTo("sheet-duty");
        assertThat(timeline.get(2).get("detail").get("note").asString()).isEqualTo("приём пищи");
        assertThat(timeline.get(3).get("detail").get("crew").size()).isEqualTo(2);
    }

    @Test
    void wrongInputIsRefusedWithTheReasonAndChangesNothing() {
        long id = register("dsog");
        Response dup = api.json("POST", "/api/v1/units", "sheet-admin",
                "{\"callSign\":\"" + api.get("/api/v1/units/" + id, "sheet-duty").json().get("callSign").asString()
                        + "\",\"kind\":\"patrol\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.code()).isEqualTo("unit-exists");
        assertThat(api.json("POST", "/api/v1/units", "sheet-admin", "{\"callSign\":\"X\",\"kind\":\"tank\"}")
                .json().get("reason").asString()).contains("'kind'");
        assertThat(api.json("POST", "/api/v1/units", "sheet-admin", "{\"kind\":\"patrol\"}").status()).isEqualTo(400);

        Response busyOffDuty = post(id, "status", "{\"status\":\"busy\"}");
        assertThat(busyOffDuty.status()).isEqualTo(409);
        assertThat(busyOffDuty.code()).isEqualTo("unit-off-duty");
        assertThat(post(id, "duty", "{\"crew\":[]}").json().get("reason").asString()).contains("'crew'");
        assertThat(post(id, "duty", "{\"crew\":[\"  \"]}").json().get("reason").asString()).contains("crew[0]");
        assertThat(post(id, "duty", "{\"crew\":[\"Иванов\"]}").status()).isEqualTo(200);
        assertThat(post(id, "status", "{\"status\":\"on-scene\"}").json().get("reason").asString())
                .contains("incident card");
        assertThat(post(id, "status", "{\"status\":\"asleep\"}").status()).isEqualTo(400);
        assertThat(post(id, "position", "{\"lat\":91,\"lon\":76}").status()).isEqualTo(400);
        assertThat(post(id, "position", "{\"lat\":43}").status()).isEqualTo(400);
        Response disable = api.json("POST", "/api/v1/units/" + id + "/enabled", "sheet-admin", "{\"enabled\":false}");
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.code()).isEqualTo("unit-on-duty");
        assertThat(api.get("/api/v1/units/" + id + "/timeline?limit=0", "sheet-duty").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/units/999999999", "sheet-duty").code()).isEqualTo("no-such-unit");

        JsonNode unit = api.get("/api/v1/units/" + id, "sheet-duty").json();
        assertThat(unit.get("status").asString()).isEqualTo("available");
        assertThat(unit.get("lat").isNull()).isTrue();
        assertThat(api.get("/api/v1/units/" + id + "/timeline", "sheet-duty").json().size()).isEqualTo(2);

        assertThat(post(id, "status", "{\"status\":\"off-duty\"}").status()).isEqualTo(200);
        assertThat(api.json("POST", "/api/v1/units/" + id + "/enabled", "sheet-admin", "{\"enabled\":false}")
                .json().get("enabled").asBoolean()).isFalse();
        Response disabledDuty = post(id, "duty", "{\"crew\":[\"Иванов\"]}");
        assertThat(disabledDuty.code()).isEqualTo("unit-disabled");
    }
}
