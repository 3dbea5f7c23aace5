package kz.line102.callcenter.linehealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.testing.Sipp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The probes follow the target set in force without a restart, against sipp as the peers:
 * a target a new version removes stops being probed, one it adds starts, and one added
 * again under its old name goes on with its old row (its probes and incidents).
 */
@CallcenterTest
class TargetSetProbingTest {

    private static final String PATH = "/api/v1/line-health/target-set";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "lh-follow-admin", Role.ADMIN);
    }

    private static String target(String name, int port) {
        return """
                {"name":"%s","host":"127.0.0.1","port":%d,"transport":"udp","intervalMs":150,"timeoutMs":100}"""
                .formatted(name, port);
    }

    /** The set in force with {@code name} removed and {@code add} added (the other tests' targets kept). */
    private int save(String remove, String add) {
        JsonNode current = api.get(PATH, "lh-follow-admin").json();
        StringBuilder targets = new StringBuilder();
        for (JsonNode t : current.get("targetSet").get("targets")) {
            if (!t.get("name").asString().equals(remove)) {
                targets.append(targets.isEmpty() ? "" : ",").append(t);
            }
        }
        if (add != null) {
            targets.append(targets.isEmpty() ? "" : ",").append(add);
        }
        Response r = api.json("PUT", PATH, "lh-follow-admin", """
                {"targetSet":{"targets":[%s],"testCalls":%s},"baseVersion":%d}""".formatted(targets,
                current.get("targetSet").get("testCalls"), current.get("version").asInt()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("version").asInt();
    }

    private Long rowOf(String name) {
        return jdbc.query("select id from line_health_targets where name = ? and deleted_at is null",
                (rs, i) -> rs.getLong(1), name).stream().findFirst().orElse(null);
    }

    private long probes(long id) {
        return jdbc.queryForObject("select count(*) from line_health_probes where target_id = ?", Long.class, id);
    }

    private String state(long id) {
        return jdbc.queryForObject("select state from line_health_targets where id = ?", String.class, id);
    }

    @Test
    void aRemovedTargetStopsBeingProbedAnAddedOneStartsAndANameComingBackKeepsItsHistory() throws Exception {
        String a = "follow-a-" + UUID.randomUUID();
        String b = "follow-b-" + UUID.randomUUID();
        try (Sipp peerA = Sipp.uas("options-200.xml", "u1"); Sipp peerB = Sipp.uas("options-200.xml", "u1")) {
            save(null, target(a, peerA.port()));
            long idA = rowOf(a);
            await().atMost(PATIENCE).until(() -> state(idA).equals("up"));

            save(a, target(b, peerB.port()));
            assertThat(rowOf(a)).as("removed from the rows the probes claim").isNull();
            long idB = rowOf(b);
            await().atMost(PATIENCE).until(() -> state(idB).equals("up"));
            // Whatever was in flight when A was removed has landed by the time B has a few more probes.
            long bBefore = probes(idB);
            await().atMost(PATIENCE).until(() -> probes(idB) >= bBefore + 3);
            long aStopped = probes(idA);
            long bNow = probes(idB);
            await().atMost(PATIENCE).until(() -> probes(idB) >= bNow + 5);
            assertThat(probes(idA)).as("no probe of a removed target").isEqualTo(aStopped);

            save(b, target(a, peerA.port()));
            assertThat(rowOf(a)).as("the same name, the same row: its history goes on").isEqualTo(idA);
            await().atMost(PATIENCE).until(() -> probes(idA) > aStopped && state(idA).equals("up"));
            assertThat(rowOf(b)).isNull();
            save(a, null);
        }
    }
}
