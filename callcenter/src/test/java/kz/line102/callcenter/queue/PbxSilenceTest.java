package kz.line102.callcenter.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.security.Role;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * No PBX I/O inside a database transaction: twelve operators change state at once against
 * a PBX that reads their QueuePause and never answers, while calls keep arriving. The
 * changes wait on the PBX without holding pooled connections (more of them than the pool has), so call
 * intake commits meanwhile; each change is then refused as unavailable, nothing recorded.
 */
class PbxSilenceTest extends QueueTestSupport {

    @Value("${line102.cti.ami.pbx}")
    String pbxName;
    @Autowired
    JdbcCallRepository calls;
    @Autowired
    DataSource dataSource;

    private final List<String> others = new ArrayList<>();

    @AfterEach
    void answerAgainAndSignOut() {
        replay.server().leaveUnanswered(Set.of());
        others.forEach(o -> api.json("DELETE", "/api/v1/operators/me/session", o, null));
    }

    @Test
    void twelveChangesWaitingOnASilentPbxLeaveCallIntakeItsConnections() throws Exception {
        List<String> operators = new ArrayList<>(List.of(operator));
        assertThat(signIn().status()).isEqualTo(201);
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        int poolSize = pool.getMaximumPoolSize();
        // More changes than the pool has connections (at least the twelve).
        for (int i = 0; i < Math.max(11, poolSize + 1); i++) {
            int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
            String op = Api.user(users, "queue-silent-" + n, Role.OPERATOR);
            assertThat(api.json("POST", "/api/v1/admin/workstations", admin,
                    "{\"name\":\"sdesk-" + n + "\",\"extension\":\"6" + n + "\"}").status()).isEqualTo(201);
            assertThat(api.json("POST", "/api/v1/operators/me/session", op,
                    "{\"workstation\":\"sdesk-" + n + "\"}").status()).isEqualTo(201);
            others.add(op);
            operators.add(op);
        }
        assertThat(operators).hasSizeGreaterThan(poolSize);

        replay.server().leaveUnanswered(Set.of("QueuePause"));
        List<CompletableFuture<Response>> changes = operators.stream()
                .map(op -> CompletableFuture.supplyAsync(() -> api.json("PUT", "/api/v1/operators/me/state", op,
                        "{\"state\":\"paused\",\"reason\":\"break\"}")))
                .toList();
        await().atMost(Duration.ofSeconds(15)).until(() -> replay.server().actionsReceived().stream()
                .filter(a -> a.get("action").equalsIgnoreCase("QueuePause")).count() >= operators.size());

        ReplayHandle call = replay.server().play("answered", PlayOptions.fast());
        UUID id = UUID.fromString(CallId.derive(pbxName, call.linkedid()).value());
        await().atMost(Duration.ofSeconds(4)).until(() -> calls.find(id).isPresent());
        assertThat(changes).as("the changes are still waiting on the PBX while the call was committed")
                .noneMatch(CompletableFuture::isDone);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isLessThan(poolSize);

        for (CompletableFuture<Response> change : changes) {
            Response r = change.join();
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("pbx-unavailable");
        }
        for (String op : operators) {
            assertThat(api.get("/api/v1/operators/me/state", op).json().path("state").path("state").asString())
                    .isEqualTo("ready");
        }
    }
}
