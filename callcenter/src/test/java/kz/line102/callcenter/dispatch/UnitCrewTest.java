package kz.line102.callcenter.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/** IT staff set a unit's standing crew and route without putting it on duty; bad crews are refused in words. */
@CallcenterTest
class UnitCrewTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DutySheetService sheet;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.user(users, "crew-admin", Role.ADMIN);
    }

    private long newUnit() {
        String sign = "CR-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = api.json("POST", "/api/v1/units", admin, "{\"callSign\":\"" + sign + "\",\"kind\":\"patrol\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Response put(long id, String body, String language) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/units/" + id + "/crew"))
                .PUT(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((admin + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    @Test
    void theCrewAndRouteAreKeptAndTheUnitStaysOffDuty() {
        long id = newUnit();
        Response r = put(id, "{\"crew\":[\" сержант Ким Д. А. \",\"ст. сержант Ахметов Е. Б.\"],"
                + "\"route\":\"Алмалинский район\"}", "ru");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("status").asString()).isEqualTo("off-duty");
        Unit unit = sheet.get(id);
        assertThat(unit.crew()).containsExactly("сержант Ким Д. А.", "ст. сержант Ахметов Е. Б.");
        assertThat(unit.patrolRoute()).isEqualTo("Алмалинский район");
        assertThat(unit.status()).isEqualTo(UnitStatus.OFF_DUTY);
        assertThat(sheet.timeline(id, 10).get(0).detail()).containsEntry("event", "crew");
    }

    @Test
    void anEmptyCrewIsRefusedInTheRequestsLanguageAndAnUnknownUnitIsNotFound() {
        long id = newUnit();
        Response ru = put(id, "{\"crew\":[]}", "ru");
        assertThat(ru.status()).isEqualTo(400);
        assertThat(ru.code()).isEqualTo("invalid-request");
        assertThat(ru.json().path("key").asString()).isEqualTo("problem.invalid-request.unit-crew-empty");
        assertThat(ru.json().path("detail").asString()).contains("сотрудника экипажа");
        Response kk = put(id, "{\"crew\":[\"x\"],\"route\":\"" + "ы".repeat(201) + "\"}", "kk");
        assertThat(kk.status()).isEqualTo(400);
        assertThat(kk.json().path("detail").asString()).contains("Бағыт").contains("200");
        assertThat(put(999_999_999L, "{\"crew\":[\"x\"]}", "en").code()).isEqualTo("no-such-unit");
    }
}
