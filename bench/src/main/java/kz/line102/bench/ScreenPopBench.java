package kz.line102.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import kz.line102.callcenter.CallcenterApplication;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.WorkstationService;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.cti.CallId;
import kz.line102.cti.replay.AmiReplayServer;
import kz.line102.cti.replay.PlayOptions;
import kz.line102.cti.replay.ReplayConfig;
import kz.line102.cti.replay.ReplayHandle;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run screenpop}: captured calls replayed at a steady 50 calls/s, each
 * ringing the phones of two of 200 operators (the replay maps the capture's 1001/1002
 * to them), whose consoles are open on the real {@code /ws/screenpop} socket of the
 * application started in this process. Latency of each pop: from the replay flushing
 * the {@code AgentCalled} event to the console receiving the ring (both on this JVM's
 * clock). Last line: {@code screenpop operators=… pops=… missing=… p99_ms=…}.
 */
public final class ScreenPopBench {

    private static final int OPERATORS = Integer.getInteger("bench.operators", 200);
    private static final double CPS = Double.parseDouble(System.getProperty("bench.cps", "50"));
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final String PBX = "screenpop-bench";
    private static final String PASSWORD = "bench-password-102";
    private static final List<String> SCENARIOS = List.of("answered", "rna-answer", "abandon-ringing", "agi-down");

    private final JsonMapper json = JsonMapper.builder().build();
    /** AgentCalled flush times per call, in order. */
    private final Map<String, List<Long>> rang = new ConcurrentHashMap<>();
    /** First ring message per (call, extension): arrival time. */
    private final Map<String, Map<String, Long>> popped = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<WebSocket> sockets = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String line = new ScreenPopBench().run();
        System.out.println(line);
        System.exit(line.contains(" missing=0 ") ? 0 : 1);
    }

    private String run() throws Exception {
        BenchDatabase db = new BenchDatabase("127.0.0.1", 5432, "line102_screenpop_bench", "postgres");
        db.recreate();
        BenchRedis redis = BenchRedis.start();
        Path spool = Files.createTempDirectory("screenpop-bench-spool");
        try (AmiReplayServer server = AmiReplayServer.start(ReplayConfig.ephemeral("bench", "bench"))) {
            ConfigurableApplicationContext app = start(db, redis, server, spool);
            try {
                List<String> extensions = operators(app);
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                for (int i = 0; i < OPERATORS; i++) {
                    sockets.add(open(port, "bench-op-" + i));
                }
                PipelineBench.out("%d consoles open; offering %.0f calls/s for %d s (load %s)", sockets.size(), CPS,
                        SECONDS, load());
                server.setEventListener((handle, event, nanos, micros) -> {
                    if ("AgentCalled".equals(event)) {
                        rang.computeIfAbsent(callId(handle), k -> new ArrayList<>()).add(nanos);
                    }
                });
                offer(server, extensions);
                return summary();
            } finally {
                sockets.forEach(s -> s.abort());
                app.close();
            }
        } finally {
            redis.close();
            db.close();
        }
    }

    private ConfigurableApplicationContext start(BenchDatabase db, BenchRedis redis, AmiReplayServer server,
                                                 Path spool) {
        return new SpringApplication(CallcenterApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off", "--server.port=0", "--line102.embedded.enabled=false",
                "--line102.redis.host=" + redis.host, "--line102.redis.port=" + redis.port,
                "--line102.cti.ami.host=127.0.0.1", "--line102.cti.ami.port=" + server.port(),
                "--line102.cti.ami.username=bench", "--line102.cti.ami.secret=bench", "--line102.cti.ami.pbx=" + PBX,
                "--line102.cti.replay.enabled=false", "--line102.cti.agi.port=0",
                "--line102.cti.stream.spool-dir=" + spool,
                "--line102.recorder.storage.require-absolute=false", // a bench keeps recordings in scratch folders
                // Only the bench's users sign in, 200 times at start: cheap hashes keep set-up short.
                "--line102.callcenter.security.bcrypt-strength=4",
                "--logging.file.name=" + System.getProperty("bench.log", "bench/target/screenpop.log"),
                "--logging.threshold.console=WARN");
    }

    private static List<String> operators(ConfigurableApplicationContext app) {
        UserService users = app.getBean(UserService.class);
        WorkstationService workstations = app.getBean(WorkstationService.class);
        OperatorService operators = app.getBean(OperatorService.class);
        users.create("bench-admin", "Bench admin", PASSWORD, EnumSet.of(Role.ADMIN));
        List<String> extensions = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            String extension = Integer.toString(4000 + i);
            users.create("bench-op-" + i, "Bench operator " + i, PASSWORD, EnumSet.of(Role.OPERATOR));
            workstations.create("bench-ws-" + i, extension, null);
            operators.signIn("bench-op-" + i, extension);
            extensions.add(extension);
        }
        return extensions;
    }

    private WebSocket open(int port, String user) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Basic " + auth)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/screenpop"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        long now = System.nanoTime();
                        text.append(data);
                        if (last) {
                            JsonNode m = json.readTree(text.toString());
                            text.setLength(0);
                            if ("ring".equals(m.path("type").asString())) {
                                popped.computeIfAbsent(m.get("callId").asString(), k -> new ConcurrentHashMap<>())
                                        .putIfAbsent(m.get("extension").asString(), now);
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
    }

    private void offer(AmiReplayServer server, List<String> extensions) throws InterruptedException {
        int calls = (int) Math.round(CPS * SECONDS);
        AtomicInteger started = new AtomicInteger();
        List<ReplayHandle> handles = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-offer"));
        timer.scheduleAtFixedRate(() -> {
            int k = started.getAndIncrement();
            if (k >= calls) {
                return;
            }
            Map<String, String> phones = Map.of("1001", extensions.get((2 * k) % extensions.size()),
                    "1002", extensions.get((2 * k + 1) % extensions.size()));
            synchronized (handles) {
                handles.add(server.play(SCENARIOS.get(k % SCENARIOS.size()),
                        PlayOptions.realTime().withOperators(phones)));
            }
        }, 0, Math.round(1_000_000 / CPS), TimeUnit.MICROSECONDS);
        Poll.until(Duration.ofDays(1), Duration.ofMillis(500), () -> started.get() >= calls);
        timer.shutdown();
        synchronized (handles) {
            handles.forEach(h -> h.done().join());
        }
        // Pops still in flight when the last event left the replay.
        Poll.until(Duration.ofSeconds(5), Duration.ofMillis(100), () -> matched().missing() == 0);
    }

    private record Matched(int rings, int pops, int missing, List<Double> latenciesMillis) {
    }

    /** Pairs each call's AgentCalled events with its first ring per phone, both in time order. */
    private Matched matched() {
        int rings = 0;
        int pops = 0;
        List<Double> latencies = new ArrayList<>();
        for (Map.Entry<String, List<Long>> call : rang.entrySet()) {
            List<Long> sent = call.getValue();
            List<Long> arrived = new ArrayList<>(popped.getOrDefault(call.getKey(), Map.of()).values());
            arrived.sort(null);
            rings += sent.size();
            pops += Math.min(arrived.size(), sent.size());
            for (int i = 0; i < Math.min(sent.size(), arrived.size()); i++) {
                latencies.add((arrived.get(i) - sent.get(i)) / 1e6);
            }
        }
        return new Matched(rings, pops, rings - pops, latencies);
    }

    private String summary() {
        Matched m = matched();
        List<Double> sorted = new ArrayList<>(m.latenciesMillis());
        sorted.sort(null);
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        PipelineBench.out("rings sent %d, pops received %d, p50 %.1f ms, max %.1f ms (load %s)", m.rings(), m.pops(),
                p50, sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), load());
        return String.format("screenpop operators=%d pops=%d missing=%d p99_ms=%.1f", OPERATORS, m.pops(), m.missing(),
                p99);
    }

    private String callId(ReplayHandle handle) {
        return CallId.derive(PBX, handle.linkedid()).value();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
