package kz.line102.callcenter.call.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.call.IntakeTestSupport;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallAbandoned;
import kz.line102.cti.CallEnded;
import kz.line102.cti.CallId;
import kz.line102.cti.CallOffered;
import kz.line102.cti.CallQueued;
import kz.line102.cti.EventId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CallApiTest extends IntakeTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;
    @Autowired
    UserService users;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String number = "+7701" + (1000000 + (int) (Math.random() * 8999999));
    private CallId answered;
    private CallId abandoned;
    private Instant t0;

    @BeforeEach
    void twoCallsFromOneNumber() {
        t0 = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        answered = newCall();
        answered(answered, number, t0, "1001", 4, 30).forEach(publisher::accept);
        abandoned = newCall();
        Instant t1 = t0.plusSeconds(600);
        List.of(new CallOffered(EventId.random(), abandoned, t1, number, null, "102", true),
                new CallQueued(EventId.random(), abandoned, t1.plusSeconds(5), "q102", 1),
                new CallAbandoned(EventId.random(), abandoned, t1.plusSeconds(17), "q102", 1, 1, 12),
                new CallEnded(EventId.random(), abandoned, t1.plusSeconds(17), 0, "Unknown", true))
                .forEach(publisher::accept);
        await().atMost(Duration.ofSeconds(10)).until(() -> outcome(answered) != null && outcome(abandoned) != null);
    }

    /** Calls are read by supervisors (the access matrix checks every role). */
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String supervisor = Api.user(users, "calls-supervisor", Role.SUPERVISOR);
        String basic = Base64.getEncoder().encodeToString((supervisor + ":" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    @Test
    void aCallIsShownWithEveryFieldAndItsEvents() throws Exception {
        JsonNode call = getJson("/api/v1/calls/" + answered.value(), 200);
        assertThat(call.get("id").asString()).isEqualTo(answered.value());
        assertThat(call.get("callerNumber").asString()).isEqualTo(number);
        assertThat(call.get("callerNumberE164").asString()).isEqualTo(number);
        assertThat(call.get("queue").asString()).isEqualTo("q102");
        assertThat(call.get("operator").asString()).isEqualTo("1001");
        assertThat(call.get("outcome").asString()).isEqualTo("answered");
        assertThat(Instant.parse(call.get("offeredAt").asString())).isEqualTo(t0);
        assertThat(call.get("answeredAt").isNull()).isFalse();
        assertThat(call.get("endedAt").isNull()).isFalse();
        assertThat(call.get("waitSeconds").asInt()).isEqualTo(4);
        assertThat(call.get("talkSeconds").asInt()).isEqualTo(30);
        assertThat(call.get("source").asString()).as("every fact seen live on AMI").isEqualTo("observed");
        assertThat(call.get("answerSource").asString()).isEqualTo("observed");
        assertThat(call.get("endSource").asString()).isEqualTo("observed");
        assertThat(call.get("events")).hasSize(7);
    }

    @Test
    void searchFiltersByNumberInAnyFormOutcomeAndTimeNewestFirst() throws Exception {
        String national = "8" + number.substring(2);
        JsonNode page = getJson("/api/v1/calls?number=" + URLEncoder.encode(national, StandardCharsets.UTF_8), 200);
        assertThat(page.get("items")).extracting(n -> n.get("id").asString())
                .containsExactly(abandoned.value(), answered.value());
        assertThat(page.get("items").get(0).has("events")).isFalse();

        JsonNode onlyAbandoned = getJson("/api/v1/calls?outcome=abandoned&number="
                + URLEncoder.encode(number, StandardCharsets.UTF_8), 200);
        assertThat(onlyAbandoned.get("items")).extracting(n -> n.get("id").asString()).containsExactly(abandoned.value());
        assertThat(onlyAbandoned.get("items").get(0).get("waitSeconds").asInt()).isEqualTo(12);

        JsonNode window = getJson("/api/v1/calls?from=" + t0.minusSeconds(1) + "&to=" + t0.plusSeconds(60)
                + "&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8), 200);
        assertThat(window.get("items")).extracting(n -> n.get("id").asString()).containsExactly(answered.value());

        JsonNode paged = getJson("/api/v1/calls?size=1&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8), 200);
        assertThat(paged.get("items")).hasSize(1);
        assertThat(paged.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void badQueriesGetAProblemWithAStableCode() throws Exception {
        for (String query : List.of("from=yesterday", "size=0", "size=201", "page=-1", "outcome=lost",
                "from=2026-11-24T10:00:00Z&to=2026-11-24T09:00:00Z", "size=x")) {
            JsonNode problem = getJson("/api/v1/calls?" + query, 400);
            assertThat(problem.get("code").asString()).as(query).isEqualTo("invalid-request");
            assertThat(problem.get("detail").asString()).as(query).isNotBlank();
        }
        assertThat(getJson("/api/v1/calls/" + UUID.randomUUID(), 404).get("code").asString()).isEqualTo("no-such-call");
        assertThat(getJson("/api/v1/calls/not-a-uuid", 404).get("code").asString()).isEqualTo("no-such-call");
    }

}
