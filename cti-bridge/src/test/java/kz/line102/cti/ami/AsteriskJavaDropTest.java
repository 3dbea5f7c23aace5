package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.cti.replay.ScenarioMix;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;

/**
 * The failure the bridge is built to avoid, measured: plain asterisk-java, with a
 * listener that does 50 µs of work per event on its dispatch thread (about one
 * synchronous Redis write), under the same burst. Its 20,000-event queue fills and it
 * drops, with one ERROR line per lost event. Run on demand: {@code -Dami.compare=true}.
 */
@EnabledIfSystemProperty(named = "ami.compare", matches = "true")
class AsteriskJavaDropTest {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(AsteriskJavaDropTest.class);

    @Test
    void plainAsteriskJavaWithASlowListenerLosesEventsUnderABurst() throws Exception {
        ListAppender<ILoggingEvent> pump = new ListAppender<>();
        pump.start();
        Logger pumpLog = (Logger) LoggerFactory.getLogger("org.asteriskjava.manager.internal.AsyncEventPump");
        pumpLog.addAppender(pump);
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral("cti", "s3cret"))) {
            ManagerConnection connection = new ManagerConnectionFactory("127.0.0.1", server.port(), "cti", "s3cret")
                    .createManagerConnection();
            AtomicLong received = new AtomicLong();
            connection.addEventListener(e -> {
                long until = System.nanoTime() + 50_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                received.incrementAndGet();
            });
            connection.login();
            long base = received.get();
            long delivered0 = server.eventsDelivered();
            List<ReplayHandle> calls = server.playMany(1_200, 0, ScenarioMix.of(java.util.Map.of("answered", 1,
                    "abandon", 1, "abandon-ringing", 1, "rna-answer", 1, "two-callers", 1, "agi-down", 1)), 0);
            CompletableFuture.allOf(calls.stream().map(ReplayHandle::done).toArray(CompletableFuture[]::new)).join();
            long sent = server.eventsDelivered() - delivered0;
            await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ofSeconds(1))
                    .until(() -> received.get() - base + dropped(pump) >= sent * 0.99);
            long lost = dropped(pump);
            log.info("plain asterisk-java, 50 µs listener: {} events sent, {} reached the listener, {} dropped with "
                    + "'Event queue is full'", sent, received.get() - base, lost);
            connection.logoff();
            assertThat(lost).isPositive();
        } finally {
            pumpLog.detachAppender(pump);
        }
    }

    private static long dropped(ListAppender<ILoggingEvent> pump) {
        return pump.list.stream().filter(e -> e.getFormattedMessage().contains("queue is full")).count();
    }
}
