package kz.line102.cti.ami;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import kz.line102.cti.CallEvent;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;

/** A replay server and a connector logged in to it, with the sink's events and the meters at hand. */
final class ReplayBench implements AutoCloseable {

    static final String PBX = "replay";

    final AmiReplayServer server;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ConcurrentLinkedQueue<CallEvent> events = new ConcurrentLinkedQueue<>();
    final AmiConnector connector;

    ReplayBench() throws IOException {
        this(props -> props);
    }

    ReplayBench(java.util.function.UnaryOperator<AmiProperties> tune) throws IOException {
        this(tune, 0);
    }

    /** {@code sinkWorkNanos}: busy work per call event in the sink, as a slow downstream would cost. */
    ReplayBench(java.util.function.UnaryOperator<AmiProperties> tune, long sinkWorkNanos) throws IOException {
        server = AmiReplayServer.start(ReplayConfig.ephemeral("cti", "s3cret"));
        AmiProperties props = tune.apply(AmiProperties.of("127.0.0.1", server.port(), "cti", "s3cret", PBX)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400)));
        connector = new AmiConnector(props, event -> {
            long until = System.nanoTime() + sinkWorkNanos;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            events.add(event);
        }, registry, Clock.systemUTC());
    }

    ReplayBench started() {
        connector.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.health().connected()
                && server.loggedInClients() == 1);
        return this;
    }

    static CallId callOf(ReplayHandle call) {
        return CallId.derive(PBX, call.linkedid());
    }

    List<CallEvent> of(CallId call) {
        return events.stream().filter(e -> e.callId().equals(call)).toList();
    }

    List<String> typesOf(CallId call) {
        return of(call).stream().map(CallEvent::type).toList();
    }

    double counter(String name, String... tags) {
        var c = registry.find(AmiMetrics.PREFIX + name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    double gauge(String name) {
        return registry.get(AmiMetrics.PREFIX + name).gauge().value();
    }

    /** A latch released when the replay writes event {@code name} of any call. */
    CountDownLatch when(String name) {
        CountDownLatch latch = new CountDownLatch(1);
        AtomicReference<String> wanted = new AtomicReference<>(name);
        server.setEventListener((instance, eventName, nanos, micros) -> {
            if (eventName.equals(wanted.get())) {
                latch.countDown();
            }
        });
        return latch;
    }

    @Override
    public void close() {
        connector.stop();
        server.close();
    }
}
