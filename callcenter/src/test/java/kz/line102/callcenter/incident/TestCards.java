package kz.line102.callcenter.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import tools.jackson.databind.JsonNode;

/** Cards made through the API as an operator would, for tests of what follows registration. */
public final class TestCards {

    private TestCards() {
    }

    /** A card opened by {@code operator}, completed as {@code typeCode} with {@code priority}, submitted and registered. */
    public static JsonNode registered(Api api, String operator, String category, String typeCode, int priority,
                                      String address) {
        Response opened = api.json("POST", "/api/v1/incidents", operator, "{}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().path("incident").path("id").asString();
        Response edited = api.json("PUT", "/api/v1/incidents/" + id, operator, """
                {"version": 1, "category": "%s", "typeCode": "%s", "priority": %d, "sceneAddress": "%s",
                 "description": "made by a test"}""".formatted(category, typeCode, priority, address));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Response submitted = api.json("POST", "/api/v1/incidents/" + id + "/submit", operator, "{\"version\":2}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/incidents/" + id, operator).json(),
                card -> card.path("status").asString().equals("REGISTERED"));
    }
}
