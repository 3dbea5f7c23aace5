package kz.line102.cti.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.line102.cti.CallId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The routing service over TCP, fed the bytes Asterisk 22 sent to the lab's FastAGI router. */
class AgiRoutingServerTest {

    private static final List<String> SCENARIOS = AgiCapture.SCENARIOS;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConcurrentLinkedQueue<RouteRequest> seen = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private AgiRoutingServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private int start(RoutingDecider decider) throws IOException {
        return start(AgiProperties.of("127.0.0.1", 0, "asterisk-1"), decider);
    }

    private int start(AgiProperties props, RoutingDecider decider) throws IOException {
        server = new AgiRoutingServer(props, request -> {
            seen.add(request);
            return decider.decide(request);
        }, meters).start();
        return server.port();
    }

    @ParameterizedTest
    @FieldSource("SCENARIOS")
    void answersACapturedRequestWithTheCommandsTheLabRouterSent(String scenario) throws IOException {
        int port = start(r -> new RouteDecision("q102", 5, "default"));
        AgiCapture capture = AgiCapture.load(scenario);

        List<String> commands = FakeAsterisk.play(port, capture);

        List<String> lab = FakeAsterisk.labCommands(scenario);
        // The session ends after ROUTE_REASON, as the lab's did (no asterisk-java AJ_AGISTATUS round trip).
        assertThat(commands).hasSameSizeAs(lab);
        for (int i = 0; i < lab.size(); i++) {
            List<String> ours = FakeAsterisk.words(commands.get(i));
            List<String> theirs = FakeAsterisk.words(lab.get(i));
            if (theirs.get(0).equals("VERBOSE")) {
                // Our log line says more than the lab's; the command and its level are the same.
                assertThat(ours).hasSize(3).startsWith("VERBOSE").endsWith("1");
            } else {
                assertThat(ours).isEqualTo(theirs);
            }
        }
        // Asterisk's CHANNEL(language) agreed with agi_language: one decision, started before asking it.
        assertThat(seen).hasSize(1);
        RouteRequest request = seen.poll();
        assertThat(request).isEqualTo(new RouteRequest(CallId.derive("asterisk-1", capture.variable("agi_uniqueid")),
                capture.variable("agi_callerid"), "en", "from-pstn", "102"));
    }

    @Test
    void takesTheLanguageFromTheReplyToGetVariableNotFromTheRequest() throws IOException {
        int port = start(r -> new RouteDecision("q102-kk", 3, "rule:kazakh"));
        AgiCapture capture = AgiCapture.load("answered")
                .withReplies(List.of("200 result=1 (KK)", "200 result=1", "200 result=1", "200 result=1", "200 result=1"));

        List<String> commands = FakeAsterisk.play(port, capture);

        // Started with agi_language (en), made again with the channel's language the dialplan reported. The
        // first start is cancelled when the reply differs: if the reply came before it reached the router, the
        // router never sees it.
        assertThat(seen.stream().map(RouteRequest::language).toList()).isIn(List.of("en", "kk"), List.of("kk"));
        assertThat(commands.subList(2, 5)).map(FakeAsterisk::words).containsExactly(
                List.of("SET", "VARIABLE", "ROUTE_QUEUE", "q102-kk"), List.of("SET", "VARIABLE", "ROUTE_PRIO", "3"),
                List.of("SET", "VARIABLE", "ROUTE_REASON", "rule:kazakh"));
    }

    @Test
    void fallsBackToTheRequestLanguageWhenTheChannelHasNone() throws IOException {
        int port = start(r -> new RouteDecision("q102", 0, "default"));
        FakeAsterisk.play(port, AgiCapture.load("abandon").with("agi_language", "ru")
                .withReplies(List.of("200 result=0")));
        assertThat(seen.poll().language()).isEqualTo("ru");
    }

    @Test
    void aWithheldOrGarbageCallerIdStillReachesTheDecider() throws IOException {
        int port = start(r -> new RouteDecision("q102", 1, "rule:withheld"));
        AgiCapture base = AgiCapture.load("answered").with("agi_arg_1", null);

        List<String> withheld = FakeAsterisk.play(port, base.with("agi_callerid", "unknown"));
        List<String> garbage = FakeAsterisk.play(port, base.with("agi_callerid", "';DROP TABLE calls;--\u0001Ж"));
        List<String> missing = FakeAsterisk.play(port, base.with("agi_callerid", null).with("agi_language", null)
                .with("agi_context", null).with("agi_extension", null));

        assertThat(List.of(withheld, garbage, missing)).allSatisfy(commands ->
                assertThat(commands).hasSize(5).contains("SET VARIABLE \"ROUTE_REASON\" \"rule:withheld\""));
        List<String> callers = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        seen.forEach(r -> {
            callers.add(r.callerNumber());
            contexts.add(r.context());
        });
        assertThat(new java.util.HashSet<>(callers)).isEqualTo(new java.util.HashSet<>(
                java.util.Arrays.asList(null, "';DROP TABLE calls;--\u0001Ж")));
        assertThat(contexts).contains("from-pstn").containsNull();
    }

    @Test
    void aSlowDeciderGetsTheDefaultQueueWithinItsBudget() throws IOException {
        int port = start(AgiProperties.of("127.0.0.1", 0, "asterisk-1").withBudget(Duration.ofMillis(50)), r -> {
            awaitRelease();
            return new RouteDecision("q-late", 9, "rule:late");
        });

        long start = System.nanoTime();
        List<String> commands = FakeAsterisk.play(port, AgiCapture.load("answered"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(setVariables(commands)).containsExactly("q102", "0", "fallback:timeout");
        assertThat(millis).as("whole session, budget 50 ms").isLessThan(1000);
        // Recorded just after the session closes: waited for, not assumed.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(count("fallback")).isEqualTo(1));
    }

    @Test
    void aDeciderThatThrowsOrAnswersNothingOrNonsenseGetsTheDefaultQueue() throws IOException {
        List<RoutingDecider> bad = List.of(
                r -> { throw new IllegalStateException("database down"); },
                r -> null,
                r -> new RouteDecision("q102\nHANGUP", 1, "x"));
        List<List<String>> answers = new ArrayList<>();
        for (RoutingDecider decider : bad) {
            int port = start(decider);
            answers.add(setVariables(FakeAsterisk.play(port, AgiCapture.load("rna-answer"))));
            server.close();
        }
        assertThat(answers).containsExactly(List.of("q102", "0", "fallback:error"), List.of("q102", "0", "fallback:none"),
                List.of("q102", "0", "fallback:error"));
    }

    @Test
    void aSessionCutMidRequestIsDroppedAndTheNextOneIsServed() throws IOException {
        int port = start(r -> new RouteDecision("q102", 2, "default"));
        byte[] request = AgiCapture.load("answered").request().getBytes(StandardCharsets.UTF_8);

        // Cut inside the request block, before Asterisk said which script and channel.
        List<String> cutInRequest = FakeAsterisk.play(port, java.util.Arrays.copyOf(request, 40), List.of(), 0);
        // Cut after the first command, as when the caller hangs up during the exchange.
        List<String> cutInExchange = FakeAsterisk.play(port, request, List.of("200 result=1 (en)"), 1);
        List<String> next = FakeAsterisk.play(port, AgiCapture.load("abandon"));

        assertThat(cutInRequest).isEmpty();
        assertThat(cutInExchange).hasSize(1);
        assertThat(setVariables(next)).containsExactly("q102", "2", "default");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(count("hangup")).isEqualTo(1);
            assertThat(count("incomplete")).isEqualTo(1);
        });
    }

    @Test
    void anOverlongLineOrAnUnknownScriptGetsNoAnswerAndTheServiceGoesOn() throws IOException {
        int port = start(r -> new RouteDecision("q102", 2, "default"));
        byte[] huge = ("agi_network_script: " + "x".repeat(10_000) + "\n\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(FakeAsterisk.play(port, huge, List.of(), 10)).isEmpty();
        assertThat(FakeAsterisk.play(port, AgiCapture.load("answered").with("agi_network_script", "other")))
                .noneMatch(c -> c.startsWith("SET VARIABLE \"ROUTE"));
        assertThat(setVariables(FakeAsterisk.play(port, AgiCapture.load("answered")))).containsExactly("q102", "2",
                "default");
    }

    @Test
    void twoRequestsAtOnceAreDecidedConcurrently() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        int port = start(r -> {
            try {
                // Each decision waits for the other: only concurrent sessions get past this.
                both.await(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other request was not served at the same time", e);
            }
            return new RouteDecision("q102", r.callerNumber().startsWith("+") ? 4 : 6, "rule:both");
        });
        AgiProperties props = AgiProperties.of("127.0.0.1", 0, "asterisk-1");
        assertThat(props.decisionBudget()).isEqualTo(Duration.ofMillis(50));

        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(
                () -> FakeAsterisk.play(port, AgiCapture.load("answered")));
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(
                () -> FakeAsterisk.play(port, AgiCapture.load("abandon")));

        List<String> a = setVariables(first.get(5, TimeUnit.SECONDS));
        List<String> b = setVariables(second.get(5, TimeUnit.SECONDS));
        // Within the 50 ms budget the two met at the barrier, or both fell back: either way each got a queue,
        // and when they met each got its own priority.
        assertThat(List.of(a, b)).allSatisfy(v -> assertThat(v.get(0)).isEqualTo("q102"));
        if (a.get(2).equals("rule:both")) {
            assertThat(a.get(1)).isEqualTo("4");
            assertThat(b.get(1)).isEqualTo("6");
        }
    }

    @Test
    void sessionsBeyondTheLimitAreRefusedSoAsteriskUsesItsDefaults() throws Exception {
        int port = start(AgiProperties.of("127.0.0.1", 0, "asterisk-1").withMaxConnections(1), r -> {
            return new RouteDecision("q102", 1, "default");
        });
        try (Socket held = new Socket()) {
            held.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = held.getOutputStream();
            out.write("agi_network: yes\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The only worker is busy with the held session: the next one is closed unanswered.
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    FakeAsterisk.play(port, AgiCapture.load("answered")).isEmpty());
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                setVariables(FakeAsterisk.play(port, AgiCapture.load("answered"))).equals(List.of("q102", "1", "default")));
    }

    /** Sessions recorded with {@code outcome}; 0 before the first (the timer is made on first use). */
    private long count(String outcome) {
        io.micrometer.core.instrument.Timer timer = meters.find(RouteScript.METRIC).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private void awaitRelease() {
        try {
            release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The values of ROUTE_QUEUE, ROUTE_PRIO, ROUTE_REASON as set, in that order. */
    private static List<String> setVariables(List<String> commands) {
        List<String> values = new ArrayList<>();
        for (String name : List.of("ROUTE_QUEUE", "ROUTE_PRIO", "ROUTE_REASON")) {
            commands.stream().map(FakeAsterisk::words)
                    .filter(w -> w.size() == 4 && w.get(0).equals("SET") && w.get(2).equals(name))
                    .forEach(w -> values.add(w.get(3)));
        }
        return values;
    }
}
