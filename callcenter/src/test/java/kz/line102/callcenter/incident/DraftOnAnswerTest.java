package kz.line102.callcenter.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Calls come in through the stream as the bridge sends them; drafts open for the operator who answers. */
class DraftOnAnswerTest extends IntakeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    IncidentService incidents;

    Api api;
    String operator;
    String extension;
    String number;

    @BeforeEach
    void signedIn() {
        api = new Api(port);
        String admin = Api.user(users, "draft-admin", Role.ADMIN);
        operator = Api.user(users, "draft-operator", Role.OPERATOR);
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        extension = "7" + n;
        assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                "{\"name\":\"draft-desk-" + n + "\",\"extension\":\"" + extension + "\"}").status()).isEqualTo(201);
        assertThat(api.json("POST", "/api/v1/operators/me/session", operator,
                "{\"extension\":\"" + extension + "\"}").status()).isEqualTo(201);
        number = "+7701" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    UUID cardOf(CallId call) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.query(
                "select incident_id from incident_calls where call_id = ?::uuid",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, call.value()), id -> id != null);
    }

    @Test
    void anAnsweredCallOpensOneDraftForItsOperatorEvenWhenReplayedOrSeenByASecondNode() {
        CallId call = newCall();
        List<CallEvent> events = answered(call, number, Instant.now().truncatedTo(ChronoUnit.MILLIS), extension, 3, 30);
        events.forEach(publisher::accept);
        UUID id = cardOf(call);
        Incident draft = incidents.get(id);
        assertThat(draft.status()).isEqualTo(IncidentStatus.DRAFT);
        assertThat(draft.createdBy()).isEqualTo(operator);
        assertThat(draft.callerNumber()).isEqualTo(number);
        assertThat(draft.callerNumberE164()).isEqualTo(number);
        assertThat(draft.calls()).extracting(Incident.LinkedCall::callId).containsExactly(call.value());

        // The stream delivers the same events again; another node handles the same answer.
        events.forEach(publisher::accept);
        IncidentService.Opened second = incidents.openForAnsweredCall(UUID.fromString(call.value()))
                .orElseThrow();
        assertThat(second.created()).isFalse();
        assertThat(second.incident().id()).isEqualTo(id);
        // The operator's console asks as well: the same card, 200 not 201.
        Response fromConsole = api.json("POST", "/api/v1/incidents", operator, "{\"callId\":\"" + call.value() + "\"}");
        assertThat(fromConsole.status()).isEqualTo(200);
        assertThat(fromConsole.json().path("incident").path("id").asString()).isEqualTo(id.toString());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> jdbc.queryForObject(
                "select count(*) from incidents where created_by = ? and caller_number = ?", Integer.class,
                operator, number) == 1);
    }

    @Test
    void whenNoDraftWasOpenedOnAnswerTheDutyOfficerOpensItFromTheCallButNoOtherOperator() {
        CallId call = newCall();
        // Answered at a phone nobody is signed in at: the listener cannot know whose draft it is.
        answered(call, number, Instant.now().truncatedTo(ChronoUnit.MILLIS), "9" + extension, 3, 30)
                .forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(20)).until(() -> "answered".equals(outcome(call)));
        assertThat(jdbc.queryForObject("select count(*) from incident_calls where call_id = ?::uuid", Integer.class,
                call.value())).isZero();

        // Another desk answered it: not this operator's to open (need to know).
        Response refused = api.json("POST", "/api/v1/incidents", operator, "{\"callId\":\"" + call.value() + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("need-to-know");
        String supervisor = Api.user(users, "draft-supervisor", Role.SUPERVISOR);
        Response opened = api.json("POST", "/api/v1/incidents", supervisor, "{\"callId\":\"" + call.value() + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("incident").path("callerNumber").asString()).isEqualTo(number);
        assertThat(opened.json().path("incident").path("calls").get(0).path("callId").asString())
                .isEqualTo(call.value());
    }

    @Test
    void aRepeatCallInTheSameWatchIsOfferedTheOpenCardAndLinkedToIt() {
        CallId first = newCall();
        answered(first, number, Instant.now().truncatedTo(ChronoUnit.MILLIS), extension, 2, 40)
                .forEach(publisher::accept);
        UUID card = cardOf(first);
        assertThat(api.json("PUT", "/api/v1/incidents/" + card, operator,
                IncidentApiTest.COMPLETE.formatted(1)).status()).isEqualTo(200);
        Response submitted = api.json("POST", "/api/v1/incidents/" + card + "/submit", operator, "{}");
        assertThat(submitted.json().path("repeatOf")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> incidents.get(card).status() == IncidentStatus.REGISTERED);

        CallId again = newCall();
        answered(again, number, Instant.now().truncatedTo(ChronoUnit.MILLIS), extension, 2, 20)
                .forEach(publisher::accept);
        UUID draft = cardOf(again);
        Response reopened = api.json("POST", "/api/v1/incidents", operator, "{\"callId\":\"" + again.value() + "\"}");
        JsonNode repeatOf = reopened.json().path("repeatOf");
        assertThat(repeatOf).hasSize(1);
        assertThat(repeatOf.get(0).path("id").asString()).isEqualTo(card.toString());
        assertThat(repeatOf.get(0).path("kuiNumber").asString()).isEqualTo(incidents.get(card).kuiNumber());

        Response linked = api.json("POST", "/api/v1/incidents/" + card + "/calls", operator,
                "{\"callId\":\"" + again.value() + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("repeatCount").asInt()).isEqualTo(1);
        assertThat(linked.json().path("calls").findValuesAsString("callId"))
                .containsExactlyInAnyOrder(first.value(), again.value());
        assertThat(incidents.get(draft).status()).isEqualTo(IncidentStatus.CANCELLED);
        assertThat(incidents.get(draft).calls()).isEmpty();
        // Linking again changes nothing; an unknown call is a field error.
        assertThat(api.json("POST", "/api/v1/incidents/" + card + "/calls", operator,
                "{\"callId\":\"" + again.value() + "\"}").json().path("repeatCount").asInt()).isEqualTo(1);
        Response unknown = api.json("POST", "/api/v1/incidents/" + card + "/calls", operator,
                "{\"callId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("callId");
    }
}
