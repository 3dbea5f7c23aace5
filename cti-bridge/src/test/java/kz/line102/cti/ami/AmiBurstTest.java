package kz.line102.cti.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import kz.line102.cti.replay.ReplayHandle;
import kz.line102.cti.replay.ScenarioMix;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A burst of at least 200,000 AMI events, all at once, over TCP: every one reaches the
 * bridge (guard or listener), asterisk-java never reports its queue full, and every call
 * gets its whole story, although the sink spends 50 µs on each call event (the load
 * under which plain asterisk-java loses half the burst: {@link AsteriskJavaDropTest}).
 * The log line carries the measured numbers.
 */
class AmiBurstTest {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(AmiBurstTest.class);
    private static final int EVENTS = Integer.getInteger("ami.burst.events", 200_000);
    /** Call events per call of each scenario, as the capture tests establish them. */
    private static final Map<String, Integer> STORY = new LinkedHashMap<>(Map.of("answered", 9, "abandon", 7,
            "abandon-ringing", 10, "rna-answer", 11, "two-callers", 16, "agi-down", 9));
    private static final Map<String, Integer> CALLS = Map.of("two-callers", 2);

    @Test
    void noEventOfABurstIsLostAndEveryCallIsToldWhole() throws Exception {
        ListAppender<ILoggingEvent> pump = new ListAppender<>();
        pump.start();
        ((Logger) LoggerFactory.getLogger("org.asteriskjava.manager.internal.AsyncEventPump")).addAppender(pump);
        try (ReplayBench bench = new ReplayBench(p -> p, 50_000).started()) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            STORY.keySet().forEach(s -> weights.put(s, 1));
            ScenarioMix mix = ScenarioMix.of(weights);
            AtomicLong peakBacklog = new AtomicLong();
            double seen0 = bench.counter("events.in") + bench.counter("events.filtered");
            long delivered0 = bench.server.eventsDelivered();

            long t0 = System.nanoTime();
            List<ReplayHandle> calls = new java.util.ArrayList<>();
            long planned = 0;
            while (planned < EVENTS) {
                List<ReplayHandle> batch = bench.server.playMany(200, 0, mix, 0);
                calls.addAll(batch);
                planned += batch.stream().mapToLong(ReplayHandle::eventCount).sum();
            }
            CompletableFuture.allOf(calls.stream().map(ReplayHandle::done).toArray(CompletableFuture[]::new)).join();
            long sent = bench.server.eventsDelivered() - delivered0;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                peakBacklog.accumulateAndGet((long) bench.gauge("lanes.backlog"), Math::max);
                return bench.counter("events.in") + bench.counter("events.filtered") - seen0 >= sent
                        && bench.gauge("lanes.backlog") == 0;
            });
            double seconds = (System.nanoTime() - t0) / 1e9;

            long expectedCallEvents = calls.stream().mapToLong(c -> STORY.get(c.scenario())).sum();
            long expectedCalls = calls.stream().mapToLong(c -> CALLS.getOrDefault(c.scenario(), 1)).sum();
            double parsed = bench.counter("events.in");
            double filtered = bench.counter("events.filtered");
            log.info("burst: {} AMI events in {} calls over TCP in {} s ({} events/s); {} dropped unparsed as "
                    + "irrelevant ({}%), {} parsed by asterisk-java; {} call events; lane backlog peak {}; "
                    + "asterisk-java queue-full lines: {}", sent, calls.size(), String.format("%.2f", seconds),
                    Math.round(sent / seconds), (long) filtered, Math.round(100 * filtered / (filtered + parsed)),
                    (long) parsed, bench.events.size(), peakBacklog.get(), pump.list.stream()
                            .filter(e -> e.getFormattedMessage().contains("queue is full")).count());

            assertThat(sent).isGreaterThanOrEqualTo(EVENTS);
            assertThat(bench.counter("events.in") + bench.counter("events.filtered") - seen0).isEqualTo(sent);
            assertThat(pump.list).noneMatch(e -> e.getFormattedMessage().contains("queue is full"));
            assertThat(bench.events).hasSize((int) expectedCallEvents);
            assertThat(bench.counter("events.translated", "type", "CallOffered")).isEqualTo(expectedCalls);
            assertThat(bench.counter("events.translated", "type", "CallEnded")).isEqualTo(expectedCalls);
            assertThat(bench.gauge("calls.active")).isZero();
            assertThat(bench.counter("reconnects")).isZero();
            assertThat(bench.counter("malformed", "kind", "truncated-block")).isZero();
        } finally {
            ((Logger) LoggerFactory.getLogger("org.asteriskjava.manager.internal.AsyncEventPump"))
                    .detachAppender(pump);
        }
    }
}
