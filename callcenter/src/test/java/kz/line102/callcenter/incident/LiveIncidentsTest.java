package kz.line102.callcenter.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The reads behind the pages: the duty officer's live cards and the card of an answered call. */
class LiveIncidentsTest extends IntakeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    Api api;
    String operator;
    String supervisor;
    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Api.user(users, "live-admin", Role.ADMIN);
        operator = Api.user(users, "live-operator", Role.OPERATOR);
        supervisor = Api.user(users, "live-supervisor", Role.SUPERVISOR);
        auditor = Api.user(users, "live-auditor", Role.AUDITOR);
    }

    private String draft() {
        Response opened = api.json("POST", "/api/v1/incidents", operator, "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("incident").path("id").asString();
    }

    private JsonNode register(String id) {
        int version = api.get("/api/v1/incidents/" + id, operator).json().path("version").asInt();
        Response edited = api.json("PUT", "/api/v1/incidents/" + id, operator, IncidentApiTest.COMPLETE.formatted(version));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/submit", operator, "{}").status()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/incidents/" + id, operator).json(),
                c -> c.path("status").asString().equals("REGISTERED"));
    }

    private JsonNode liveEntry(String id) {
        Response live = api.get("/api/v1/incidents/live", supervisor);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        for (JsonNode item : live.json().path("items")) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void theLiveListHoldsEveryCardFromSubmitToCloseAndNoDrafts() {
        String drafted = draft();
        assertThat(liveEntry(drafted)).isNull();

        String id = draft();
        JsonNode card = register(id);
        JsonNode entry = liveEntry(id);
        assertThat(entry).isNotNull();
        assertThat(entry.path("status").asString()).isEqualTo("REGISTERED");
        assertThat(entry.path("kuiNumber").asString()).isEqualTo(card.path("kuiNumber").asString());
        assertThat(entry.path("typeCode").asString()).isEqualTo("theft");
        assertThat(entry.path("priority").asInt()).isEqualTo(2);
        assertThat(entry.path("sceneAddress").asString()).isEqualTo("Astana, Kabanbay Batyr 11, flat 4");
        assertThat(entry.path("carriedOver").asBoolean()).isFalse();
        JsonNode timeline = api.get("/api/v1/incidents/" + id + "/transitions", supervisor).json();
        assertThat(Instant.parse(entry.path("statusSince").asString()))
                .isEqualTo(Instant.parse(timeline.get(timeline.size() - 1).path("at").asString()));
        JsonNode watch = api.get("/api/v1/incidents/live", auditor).json().path("watch");
        assertThat(Instant.parse(watch.path("start").asString())).isBefore(Instant.parse(entry.path("createdAt").asString()));
        assertThat(Duration.between(Instant.parse(watch.path("start").asString()),
                Instant.parse(watch.path("end").asString()))).isEqualTo(Duration.ofHours(24));

        // Worked off is still the duty officer's until closed.
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/work-off", supervisor,
                "{\"result\":\"bicycle found\"}").status()).isEqualTo(200);
        assertThat(liveEntry(id).path("status").asString()).isEqualTo("WORKED_OFF");
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/close", supervisor, "{}").status()).isEqualTo(200);
        assertThat(liveEntry(id)).isNull();
    }

    @Test
    void aCardStillOpenFromAnEarlierWatchIsShownAsCarriedOver() {
        String id = draft();
        register(id);
        jdbc.update("update incidents set created_at = created_at - interval '2 days' where id = ?::uuid", id);
        assertThat(liveEntry(id).path("carriedOver").asBoolean()).isTrue();
    }

    @Test
    void theLiveListIsNotForOperators() {
        Response refused = api.get("/api/v1/incidents/live", operator);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
    }

    @Test
    void theCardOfAnAnsweredCallIsFoundByTheCallWithTheOpenCardsOfItsNumber() {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String extension = "6" + n;
        String admin = "live-admin";
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"live-desk-" + n + "\",\"extension\":\"" + extension + "\"}").status()).isEqualTo(201);
        assertThat(api.json("POST", "/api/v1/operators/me/session", operator,
                "{\"extension\":\"" + extension + "\"}").status()).isEqualTo(201);
        String number = "+7701" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

        CallId first = newCall();
        Response before = api.get("/api/v1/incidents/of-call/" + first.value(), operator);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.code()).isEqualTo("no-such-incident");
        answered(first, number, Instant.now().truncatedTo(ChronoUnit.MILLIS), extension, 2, 30)
                .forEach(publisher::accept);
        JsonNode firstCard = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/incidents/of-call/" + first.value(), operator),
                r -> r.status() == 200).json();
        assertThat(firstCard.path("incident").path("callerNumber").asString()).isEqualTo(number);
        assertThat(firstCard.path("incident").path("status").asString()).isEqualTo("DRAFT");
        assertThat(firstCard.path("repeatOf")).isEmpty();
        String firstId = firstCard.path("incident").path("id").asString();
        JsonNode registered = register(firstId);

        CallId again = newCall();
        answered(again, number, Instant.now().truncatedTo(ChronoUnit.MILLIS), extension, 2, 20)
                .forEach(publisher::accept);
        Response second = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("/api/v1/incidents/of-call/" + again.value(), operator), r -> r.status() == 200);
        assertThat(second.header("ETag")).isEqualTo("\"" + second.json().path("incident").path("version").asInt() + "\"");
        assertThat(second.json().path("incident").path("id").asString()).isNotEqualTo(firstId);
        assertThat(second.json().path("repeatOf")).hasSize(1);
        assertThat(second.json().path("repeatOf").get(0).path("kuiNumber").asString())
                .isEqualTo(registered.path("kuiNumber").asString());

        Response bad = api.get("/api/v1/incidents/of-call/not-a-call", operator);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("callId");
        assertThat(api.get("/api/v1/incidents/of-call/" + UUID.randomUUID(), operator).status()).isEqualTo(404);
    }
}
