package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Targets changed one at a time over the API: validated with every reason, each change a version of the target set. */
@CallcenterTest
class TargetApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private Api api;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "lh-api-admin", Role.ADMIN);
    }

    private static String body(String name, int port, int version) {
        return """
                {"name":"%s","host":"127.0.0.1","port":%d,"transport":"tcp","intervalMs":5000,"timeoutMs":1000,
                 "expectedCodes":[200,404],"enabled":false,"version":%d}""".formatted(name, port, version);
    }

    @Test
    void aTargetIsCreatedChangedWithItsVersionAndDeletedAndEachStepIsAudited() {
        String name = "api-" + UUID.randomUUID();
        Response created = api.json("POST", "/api/v1/line-health/targets", "lh-api-admin", body(name, 5999, 0));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode t = created.json();
        long id = t.get("id").asLong();
        assertThat(t.get("state").asString()).isEqualTo("unknown");
        assertThat(t.get("expectedCodes").toString()).isEqualTo("[200,404]");

        Response changed = api.json("PUT", "/api/v1/line-health/targets/" + id, "lh-api-admin", body(name, 5998, 1));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(changed.json().get("id").asLong()).as("a target keeps its row while its name stays").isEqualTo(id);
        assertThat(changed.json().get("port").asInt()).isEqualTo(5998);

        Response stale = api.json("PUT", "/api/v1/line-health/targets/" + id, "lh-api-admin", body(name, 5997, 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("stale-line-health-target");

        Response duplicate = api.json("POST", "/api/v1/line-health/targets", "lh-api-admin", body(name, 5996, 0));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("reason").asString()).contains("exists already");

        assertThat(api.json("DELETE", "/api/v1/line-health/targets/" + id, "lh-api-admin", null).status())
                .isEqualTo(204);
        // Each change of one target is a version of the whole target set, audited as such.
        JsonNode audit = api.get("/api/v1/line-health/audit?limit=50", "lh-api-admin").json();
        String trail = audit.toString();
        assertThat(trail).contains("added target " + name).contains("changed target " + name)
                .contains("removed target " + name).contains("\"action\":\"save\"");
        String versions = api.get("/api/v1/line-health/target-set/versions?limit=5", "lh-api-admin").body();
        assertThat(versions).contains("removed target " + name);
    }

    @Test
    void everyProblemOfABadTargetIsNamedAtOnce() {
        Response r = api.json("POST", "/api/v1/line-health/targets", "lh-api-admin", """
                {"name":"","host":"bad host!","port":70000,"transport":"sctp","intervalMs":10,"timeoutMs":20,
                 "expectedCodes":[42]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("invalid-request");
        assertThat(r.json().get("reason").asString()).contains("'name'", "'transport'", "SIP host", "'intervalMs'",
                "'timeoutMs'", "'expectedCodes'");
        Response noVersion = api.json("PUT", "/api/v1/line-health/targets/999999999", "lh-api-admin", "{}");
        assertThat(noVersion.status()).isEqualTo(404);
    }
}
