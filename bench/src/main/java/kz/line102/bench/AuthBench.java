package kz.line102.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import kz.line102.callcenter.CallcenterApplication;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bench/run auth}: password guessing against the sign-in, as one attacker spread over
 * {@code bench.addresses} client addresses (default 20, told to the application by
 * X-Forwarded-For as a proxy would) and {@code bench.accounts} accounts (default 200), sending
 * {@code bench.attempts} wrong-password requests (default 2,000; HTTP Basic, which checks a
 * password on every request) while {@code bench.operators} signed-in operators (default 20, form
 * sign-in and session, as the console) call the API every 50 ms. The attacker waits out a
 * {@code Retry-After} of up to {@code bench.maxWaitSeconds} (default 20) and otherwise moves on,
 * so the exponential delays are walked up to the lockouts.
 * <p>
 * Figures: {@code not_locked_after_10} counts the accounts and addresses that had a password
 * checked after their 10th wrong one, or that are not refused when asked once more at the end;
 * {@code cpu_ms_per_rejected} is the CPU time of the server's request threads per request
 * refused while locked (a second phase of requests to locked accounts only), with the number of
 * password checks in that phase; {@code p99_ms_legit} the operators' latency during the attack.
 */
public final class AuthBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String PASSWORD = "bench-operator-password-102";

    private AuthBench() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int attempts = Integer.getInteger("bench.attempts", 2000);
        int accounts = Integer.getInteger("bench.accounts", 200);
        int addresses = Integer.getInteger("bench.addresses", 20);
        int operators = Integer.getInteger("bench.operators", 20);
        int maxWait = Integer.getInteger("bench.maxWaitSeconds", 20);
        BenchDatabase db = new BenchDatabase("127.0.0.1", 5432, "line102_auth_bench", "postgres");
        db.recreate();
        BenchRedis redis = BenchRedis.start();
        Path spool = Files.createTempDirectory("auth-bench-spool");
        String line;
        try (ConfigurableApplicationContext app = new SpringApplication(CallcenterApplication.class).run(
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off", "--server.port=0", "--line102.embedded.enabled=false",
                "--server.forward-headers-strategy=native",
                "--line102.redis.host=" + redis.host, "--line102.redis.port=" + redis.port,
                "--line102.cti.enabled=false", "--line102.cti.replay.enabled=false", "--line102.cti.agi.port=0",
                "--line102.cti.stream.spool-dir=" + spool,
                "--line102.recorder.storage.require-absolute=false",
                "--logging.file.name=" + System.getProperty("bench.log", "bench/target/auth.log"),
                "--logging.threshold.console=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            line = new AuthBench.Run(app, "http://127.0.0.1:" + port, attempts, accounts, addresses, operators,
                    maxWait).go();
        } finally {
            redis.close();
            db.close();
        }
        System.out.println(line);
        System.exit(line.contains(" not_locked_after_10=0 ") ? 0 : 1);
    }

    private static final class Run {
        private final ConfigurableApplicationContext app;
        private final String base;
        private final int attempts;
        private final int accounts;
        private final int addresses;
        private final int operators;
        private final int maxWait;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(8)).build();
        /** Wrong passwords that were checked (401), per account and per address. */
        private final Map<String, AtomicInteger> checked = new ConcurrentHashMap<>();
        private final Set<String> checkedAfterTenth = ConcurrentHashMap.newKeySet();

        Run(ConfigurableApplicationContext app, String base, int attempts, int accounts, int addresses, int operators,
            int maxWait) {
            this.app = app;
            this.base = base;
            this.attempts = attempts;
            this.accounts = accounts;
            this.addresses = addresses;
            this.operators = operators;
            this.maxWait = maxWait;
        }

        String go() throws Exception {
            UserService users = app.getBean(UserService.class);
            for (int i = 0; i < accounts; i++) {
                users.create("target-" + i, "Target " + i, PASSWORD, Set.of(Role.OPERATOR));
            }
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < operators; i++) {
                users.create("legit-" + i, "Operator " + i, PASSWORD, Set.of(Role.OPERATOR));
                sessions.add(signIn("legit-" + i));
            }
            PipelineBench.out("%d accounts, %d operators signed in; guessing %d times from %d addresses",
                    accounts, operators, attempts, addresses);

            // The operators alone first: a warm JVM, and their latency without an attack to compare.
            List<Long> quiet = operate(sessions, Duration.ofSeconds(Integer.getInteger("bench.warmSeconds", 20)));
            PipelineBench.out("operators alone: p99 %.1f ms over %d requests", p99(quiet), quiet.size());

            List<Long> legit = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean attacking = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(operators + addresses);
            CountDownLatch operatorsDone = new CountDownLatch(operators);
            for (String session : sessions) {
                pool.submit(() -> {
                    try {
                        while (attacking.get()) {
                            long t = System.nanoTime();
                            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/operators/me"))
                                    .header("Cookie", session).header("Accept", "application/json").build());
                            if (r.statusCode() == 200) {
                                legit.add(System.nanoTime() - t);
                            } else {
                                PipelineBench.out("legitimate request answered %d", r.statusCode());
                            }
                            TimeUnit.MILLISECONDS.sleep(50);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        operatorsDone.countDown();
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CountDownLatch attackers = new CountDownLatch(addresses);
            for (int a = 0; a < addresses; a++) {
                int address = a;
                pool.submit(() -> {
                    try {
                        attack(address, sent, refused);
                    } finally {
                        attackers.countDown();
                    }
                    return null;
                });
            }
            attackers.await();
            attacking.set(false);
            operatorsDone.await();
            PipelineBench.out("guessing took %.1f s: %d refused before a password check (429)",
                    (System.nanoTime() - start) / 1e9, refused.get());

            // Every account and address with ten wrong passwords checked must be refused now.
            int unlocked = checkedAfterTenth.size();
            for (Map.Entry<String, AtomicInteger> e : checked.entrySet()) {
                if (e.getValue().get() >= 10 && !checkedAfterTenth.contains(e.getKey()) && !refusedNow(e.getKey())) {
                    unlocked++;
                }
            }
            long tenth = checked.values().stream().filter(n -> n.get() >= 10).count();
            PipelineBench.out("%d of the %d accounts and addresses reached 10 wrong passwords", tenth, checked.size());

            double cpuMs = rejectedCost();
            pool.shutdownNow();
            PipelineBench.out("%d legitimate requests during the attack", legit.size());
            return String.format("auth attempts=%d not_locked_after_10=%d cpu_ms_per_rejected=%.3f p99_ms_legit=%.1f",
                    sent.get(), unlocked, cpuMs, p99(legit));
        }

        private static double p99(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
        }

        /** The operators' calls, every 50 ms each, for {@code length}: their latencies. */
        private List<Long> operate(List<String> sessions, Duration length) throws Exception {
            List<Long> took = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + length.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
            for (String session : sessions) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        if (send(HttpRequest.newBuilder(URI.create(base + "/api/v1/operators/me"))
                                .header("Cookie", session).header("Accept", "application/json").build())
                                .statusCode() == 200) {
                            took.add(System.nanoTime() - t);
                        }
                        TimeUnit.MILLISECONDS.sleep(50);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(length.toSeconds() + 30, TimeUnit.SECONDS);
            return took;
        }

        /** One address's share of the attempts, spread over the accounts. */
        private void attack(int address, AtomicInteger sent, AtomicInteger refused) throws Exception {
            String from = "10.1." + address + ".7";
            int mine = attempts / addresses + (address < attempts % addresses ? 1 : 0);
            for (int k = 0; k < mine; k++) {
                String account = "target-" + ((address + k * addresses) % accounts);
                HttpResponse<String> r = basic(account, "guess-" + k, from);
                sent.incrementAndGet();
                if (r.statusCode() == 401) {
                    countChecked("account:" + account);
                    countChecked("address:" + from);
                } else if (r.statusCode() == 429) {
                    refused.incrementAndGet();
                    long wait = r.headers().firstValueAsLong("Retry-After").orElse(Long.MAX_VALUE);
                    if (wait <= maxWait) {
                        TimeUnit.SECONDS.sleep(wait);
                    }
                } else {
                    PipelineBench.out("a wrong password answered %d", r.statusCode());
                }
            }
        }

        private void countChecked(String who) {
            if (checked.computeIfAbsent(who, k -> new AtomicInteger()).incrementAndGet() > 10) {
                checkedAfterTenth.add(who);
            }
        }

        /** Asks once more: an account from an address never seen, an address with an account never guessed. */
        private boolean refusedNow(String who) throws Exception {
            String[] scopeAndName = who.split(":", 2);
            HttpResponse<String> r = scopeAndName[0].equals("account")
                    ? basic(scopeAndName[1], "probe", "10.250.0.1")
                    : basic("nobody-" + scopeAndName[1], "probe", scopeAndName[1]);
            return r.statusCode() == 429;
        }

        /** Requests to locked accounts only: the server's request threads' CPU time per refusal. */
        private double rejectedCost() throws Exception {
            // Addresses that reached their lockout: every account asked from them is refused unchecked.
            List<String> locked = new ArrayList<>();
            for (Map.Entry<String, AtomicInteger> e : checked.entrySet()) {
                if (e.getKey().startsWith("address:") && e.getValue().get() >= 10) {
                    locked.add(e.getKey().substring("address:".length()));
                }
            }
            if (locked.isEmpty()) {
                return Double.NaN;
            }
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            double checksBefore = passwordChecks(meters);
            int n = 2000;
            int refused = 0;
            long cpuBefore = requestThreadsCpu();
            for (int i = 0; i < n; i++) {
                if (basic("target-" + (i % accounts), "again", locked.get(i % locked.size())).statusCode() == 429) {
                    refused++;
                }
            }
            long cpu = requestThreadsCpu() - cpuBefore;
            PipelineBench.out("locked phase: %d of %d refused, %.0f password checks", refused, n,
                    passwordChecks(meters) - checksBefore);
            return refused == 0 ? Double.NaN : cpu / 1e6 / refused;
        }

        private static double passwordChecks(MeterRegistry meters) {
            var c = meters.find("line102_callcenter_signin_password_checks").counter();
            if (c == null) {
                c = meters.find("line102.callcenter.signin.password.checks").counter();
            }
            return c == null ? Double.NaN : c.count();
        }

        /** CPU time of Tomcat's request threads, the work the server does per request. */
        private static long requestThreadsCpu() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long total = 0;
            for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t != null && t.getThreadName().contains("-exec-")) {
                    long cpu = mx.getThreadCpuTime(t.getThreadId());
                    total += Math.max(cpu, 0);
                }
            }
            return total;
        }

        private HttpResponse<String> basic(String user, String password, String from) throws Exception {
            String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/operators/me"))
                    .header("Authorization", "Basic " + auth).header("X-Forwarded-For", from)
                    .header("Accept", "application/json").build());
        }

        private String signIn(String user) throws Exception {
            HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/login")).build());
            Matcher m = CSRF.matcher(form.body());
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8)))
                    .build());
            if (ok.statusCode() != 302 || ok.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException(user + " could not sign in: " + ok.statusCode());
            }
            return ok.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
