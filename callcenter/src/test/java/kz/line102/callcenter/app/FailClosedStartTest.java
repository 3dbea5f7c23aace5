package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import kz.line102.callcenter.CallcenterApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import kz.line102.callcenter.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production fails closed: with PostgreSQL not answering at start-up and no demo/dev
 * profile, the node waits and reports not ready, starts no embedded store, and comes
 * up on that same PostgreSQL once it answers. Embedded stores asked for without a demo
 * profile are refused.
 */
class FailClosedStartTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void withPostgresqlDownTheNodeWaitsNotReadyAndConnectsWhenItComesUp() throws Exception {
        int dbPort = TcpProxy.freePort();
        int httpPort = TcpProxy.freePort();
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() ->
                SpringApplication.run(CallcenterApplication.class, "--spring.profiles.active=test",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/test",
                        "--server.port=" + httpPort,
                        "--line102.startup.store-wait.retry-min=100ms",
                        "--line102.startup.store-wait.retry-max=300ms",
                        "--line102.startup.store-wait.give-up-after=5m"));
        ConfigurableApplicationContext context = null;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(httpPort, "/actuator/health/readiness") == 503);
            assertThat(status(httpPort, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(app).isNotDone();
            assertThat(LocalServices.startedAny()).as("an embedded store was started").isFalse();

            try (TcpProxy postgres = TcpProxy.open(dbPort, 5432)) {
                context = app.get(3, TimeUnit.MINUTES);
                assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                        .as("the node uses the PostgreSQL it was given").contains("127.0.0.1:" + dbPort + "/");
                assertThat(LocalServices.startedAny()).isFalse();
                int port = context.getEnvironment().getProperty("local.server.port", Integer.class, httpPort);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> status(port, "/actuator/health/readiness") == 200);
                context.close();
                context = null;
            }
        } finally {
            if (context != null) {
                context.close();
            }
            app.cancel(true);
        }
    }

    @Test
    void embeddedStoresWithoutADemoProfileAreRefused() {
        assertThatThrownBy(() -> SpringApplication.run(CallcenterApplication.class,
                "--spring.profiles.active=production", "--line102.embedded.enabled=true", "--server.port=0"))
                .hasStackTraceContaining("line102.embedded.enabled=true is refused without the demo or dev profile");
        assertThat(LocalServices.startedAny()).isFalse();
    }

    @Test
    void theWaitGivesUpOnlyWhenToldAndSaysForWhat() {
        StoreWait.Store never = new StoreWait.Store() {
            @Override
            public String name() {
                return "PostgreSQL at 127.0.0.1:1";
            }

            @Override
            public String check() {
                return "Connection refused";
            }
        };
        assertThatThrownBy(() -> StoreWait.await(List.of(never), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(100), StoreWaitProbe.none()))
                .hasMessageContaining("gave up waiting for PostgreSQL at 127.0.0.1:1 (Connection refused)");
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
