package kz.line102.callcenter.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

@CallcenterTest
class IncidentApiTest {

    static final String COMPLETE = """
            {"version": %d, "category": "CRIMINAL_OFFENCE", "typeCode": "theft", "priority": 2,
             "sceneAddress": "Astana, Kabanbay Batyr 11, flat 4", "sceneLat": 51.09, "sceneLon": 71.42,
             "description": "A bicycle was taken from the stairwell an hour ago",
             "persons": [{"role": "applicant", "name": "Aigerim S.", "birthYear": 1990}],
             "vehicles": [{"plate": "123 ABC 01", "description": "white Lada"}],
             "operatorNotes": "caller calm"}""";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String operator;
    String otherOperator;
    String supervisor;
    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Api.user(users, "inc-admin", Role.ADMIN);
        operator = Api.user(users, "inc-operator", Role.OPERATOR);
        otherOperator = Api.user(users, "inc-operator-2", Role.OPERATOR);
        supervisor = Api.user(users, "inc-supervisor", Role.SUPERVISOR);
        auditor = Api.user(users, "inc-auditor", Role.AUDITOR);
    }

    private JsonNode openDraft() {
        Response opened = api.json("POST", "/api/v1/incidents", operator, "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.header("ETag")).isEqualTo("\"1\"");
        return opened.json().path("incident");
    }

    private JsonNode registeredCard() {
        String id = openDraft().path("id").asString();
        assertThat(api.json("PUT", "/api/v1/incidents/" + id, operator, COMPLETE.formatted(1)).status()).isEqualTo(200);
        Response submitted = api.json("POST", "/api/v1/incidents/" + id + "/submit", operator, "{\"version\":2}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/incidents/" + id, operator).json(),
                card -> card.path("status").asString().equals("REGISTERED"));
    }

    @Test
    void aCardGoesFromDraftToClosedAndEveryStepIsOnItsTimeline() {
        JsonNode card = registeredCard();
        String id = card.path("id").asString();
        assertThat(card.path("kuiNumber").asString()).matches("KUI-TSOU-\\d{4}-\\d{6}");
        assertThat(card.path("persons").get(0).path("name").asString()).isEqualTo("Aigerim S.");
        String base = "/api/v1/incidents/" + id;

        // An operator does not move a registered card on; the supervisor does.
        assertThat(api.json("POST", base + "/dispatch", operator, "{}").status()).isEqualTo(403);
        assertThat(api.json("POST", base + "/close", supervisor, "{}").code()).isEqualTo("illegal-transition");
        int v = card.path("version").asInt();
        assertThat(api.json("POST", base + "/dispatch", supervisor,
                "{\"version\":" + v + ",\"detail\":{\"units\":[\"PCB-12\"]}}").status()).isEqualTo(200);
        assertThat(api.json("POST", base + "/transitions", supervisor, "{\"to\":\"ARRIVED\"}").status()).isEqualTo(200);
        Response noResult = api.json("POST", base + "/work-off", supervisor, "{}");
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.json().path("errors").get(0).path("field").asString()).isEqualTo("result");
        assertThat(api.json("POST", base + "/work-off", supervisor, "{\"result\":\"bicycle found, returned\"}")
                .json().path("result").asString()).isEqualTo("bicycle found, returned");
        Response closed = api.json("POST", base + "/close", supervisor, "{}");
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(api.json("PUT", base, supervisor, COMPLETE.formatted(closed.json().path("version").asInt()))
                .code()).isEqualTo("incident-closed");

        Response timeline = api.get(base + "/transitions", auditor);
        List<String> steps = new ArrayList<>();
        timeline.json().forEach(t -> steps.add(t.path("from").asString(null) + ">" + t.path("to").asString()
                + "@" + t.path("by").asString()));
        assertThat(steps).containsExactly("null>DRAFT@" + operator, "DRAFT>SUBMITTED@" + operator,
                "SUBMITTED>REGISTERED@system:registration", "REGISTERED>DISPATCHED@" + supervisor,
                "DISPATCHED>ARRIVED@" + supervisor, "ARRIVED>WORKED_OFF@" + supervisor,
                "WORKED_OFF>CLOSED@" + supervisor);
        assertThat(timeline.json().get(3).path("detail").path("units").get(0).asString()).isEqualTo("PCB-12");
        assertThat(timeline.json().get(2).path("detail").path("kuiNumber").asString())
                .isEqualTo(card.path("kuiNumber").asString());
    }

    @Test
    void aCardSubmittedTwiceIsRegisteredOnceAndTheSecondSubmitIsToldSo() {
        JsonNode card = registeredCard();
        String id = card.path("id").asString();
        Response again = api.json("POST", "/api/v1/incidents/" + id + "/submit", operator, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("already-submitted");
        assertThat(again.json().path("kuiNumber").asString()).isEqualTo(card.path("kuiNumber").asString());
        assertThat(jdbc.queryForObject("select count(*) from incident_jobs where incident_id = ?::uuid and step = ?",
                Integer.class, id, IncidentService.REGISTER_STEP)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from incident_transitions where incident_id = ?::uuid and to_status = 'REGISTERED'""",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aMalformedCardGetsAnErrorForEveryFieldAtFault() {
        String id = openDraft().path("id").asString();
        Response submitEmpty = api.json("POST", "/api/v1/incidents/" + id + "/submit", operator, "{}");
        assertThat(submitEmpty.status()).isEqualTo(400);
        assertThat(submitEmpty.code()).isEqualTo("invalid-incident");
        assertThat(fields(submitEmpty)).contains("category", "typeCode", "priority", "description", "sceneAddress");

        Response bad = api.json("PUT", "/api/v1/incidents/" + id, operator, """
                {"version": 1, "category": "ADMINISTRATIVE_OFFENCE", "typeCode": "theft", "priority": 7,
                 "sceneAddress": "somewhere", "sceneUnknown": true, "sceneLat": 95.0, "sceneLon": 10.0,
                 "description": "%s",
                 "persons": [{"name": "X", "iin": "12ab", "shoeSize": "43"}, "just text", {"role": "boss"}],
                 "vehicles": {"plate": "1"}}""".formatted("x".repeat(4001)));
        // A draft is refused only for what cannot be stored; what it says is checked on submit.
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("priority", "sceneLat", "description", "persons[0].shoeSize", "persons[1]",
                "vehicles").doesNotContain("typeCode", "sceneUnknown", "persons[0].iin", "persons[2]",
                "persons[2].role");
        // Nothing of a refused change is kept.
        assertThat(api.get("/api/v1/incidents/" + id, operator).json().path("version").asInt()).isEqualTo(1);

        Response kept = api.json("PUT", "/api/v1/incidents/" + id, operator, """
                {"version": 1, "category": "ADMINISTRATIVE_OFFENCE", "typeCode": "theft", "priority": 2,
                 "sceneAddress": "somewhere", "sceneUnknown": true, "description": "a bicycle",
                 "persons": [{"name": "X", "iin": "12ab"}, {"role": "boss"}]}""");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        Response submitBad = api.json("POST", "/api/v1/incidents/" + id + "/submit", operator, "{}");
        assertThat(submitBad.status()).isEqualTo(400);
        assertThat(fields(submitBad)).contains("typeCode", "sceneUnknown", "persons[0].iin", "persons[1]",
                "persons[1].role");
        assertThat(submitBad.json().path("errors").toString()).contains("belongs to category CRIMINAL_OFFENCE");

        assertThat(fields(api.json("POST", "/api/v1/incidents", operator,
                "{\"callId\":\"00000000-0000-0000-0000-000000000001\"}"))).containsExactly("callId");
        assertThat(fields(api.json("POST", "/api/v1/incidents/" + id + "/transitions", supervisor,
                "{\"to\":\"SOMEWHERE\"}"))).containsExactly("to");
    }

    @Test
    void twoPeopleChangingOneCardCannotOverwriteEachOther() {
        String id = openDraft().path("id").asString();
        String path = "/api/v1/incidents/" + id;
        Response first = api.json("PUT", path, operator, COMPLETE.formatted(1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        // The supervisor read version 1 too and saves after the operator.
        Response stale = api.json("PUT", path, supervisor, COMPLETE.formatted(1).replace("theft", "fraud"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("stale-version");
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(api.get(path, operator).json().path("typeCode").asString()).isEqualTo("theft");
        // If-Match works the same, and a change without any version is refused.
        Response ifMatch = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path))
                .header("Authorization", basic(supervisor)).header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(COMPLETE.formatted(0))).build());
        assertThat(ifMatch.code()).isEqualTo("stale-version");
        assertThat(api.json("PUT", path, operator, COMPLETE.formatted(2).replace("\"version\": 2,", "")).status())
                .isEqualTo(428);
        // A stale submit is refused as well.
        assertThat(api.json("POST", path + "/submit", operator, "{\"version\":1}").code()).isEqualTo("stale-version");
    }

    @Test
    void anOperatorChangesOnlyTheirOwnDraftsAndListsOnlyTheirOwnCards() {
        String id = openDraft().path("id").asString();
        assertThat(api.json("PUT", "/api/v1/incidents/" + id, otherOperator, COMPLETE.formatted(1)).status())
                .isEqualTo(403);
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/submit", otherOperator, "{}").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/incidents?operator=" + operator, otherOperator).json().path("items")
                .findValuesAsString("id")).doesNotContain(id);
        assertThat(api.get("/api/v1/incidents?operator=" + operator + "&status=DRAFT&size=500", supervisor).json()
                .path("items").findValuesAsString("id")).contains(id);
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/cancel", operator, "{}").json().path("status")
                .asString()).isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/incidents?status=nonsense", supervisor).code()).isEqualTo("invalid-incident");
    }

    @Test
    void aCardAGuardFreezesIsRefusedEveryChange() {
        JsonNode card = registeredCard();
        String id = card.path("id").asString();
        jdbc.update("update incidents set operator_notes = ? where id = ?::uuid", FrozenCardGuard.MARK, id);
        Response edit = api.json("PUT", "/api/v1/incidents/" + id, supervisor,
                COMPLETE.formatted(card.path("version").asInt()));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.code()).isEqualTo("watch-signed-off");
        assertThat(api.json("POST", "/api/v1/incidents/" + id + "/dispatch", supervisor, "{}").code())
                .isEqualTo("watch-signed-off");
        JsonNode after = api.get("/api/v1/incidents/" + id, auditor).json();
        assertThat(after.path("status").asString()).isEqualTo("REGISTERED");
        assertThat(after.path("version").asInt()).isEqualTo(card.path("version").asInt());
    }

    @Test
    void theConsoleGetsTheConfiguredTypeList() {
        JsonNode types = api.get("/api/v1/incidents/types", operator).json();
        assertThat(types.findValuesAsString("code")).contains("theft", "mass-riot", "fire");
        JsonNode riot = types.findParents("code").stream()
                .filter(t -> t.path("code").asString().equals("mass-riot")).findFirst().orElseThrow();
        assertThat(riot.path("seriousness").asString()).isEqualTo("mass-disorder");
        assertThat(riot.path("names").path("kk").asString()).isNotBlank();
    }

    private static List<String> fields(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes());
    }
}
