package kz.line102.callcenter.incident.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.Actor;
import kz.line102.callcenter.incident.Cards;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentService;
import kz.line102.callcenter.incident.IncidentStatus;
import kz.line102.callcenter.jobs.IncidentJob;
import kz.line102.callcenter.jobs.IncidentJobs;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export to external registries over real HTTP and into a real drop folder. The ERDR
 * stand-in takes criminal offences only and refuses everything (503) while {@link #down}
 * is set; it holds the answer for cards in {@link #SLOW} until {@link #release} opens.
 * The general registry is a drop folder that takes every card. Backoff is short, so
 * "down for an hour" is "down until the job is dead".
 */
@CallcenterTest
class IncidentExportTest {

    private static final HttpServer ERDR;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Set<String> SLOW = ConcurrentHashMap.newKeySet();
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
    private static final Path DROP;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile boolean down;
    private static volatile CountDownLatch release = new CountDownLatch(0);

    record Received(String incidentId, String idempotencyKey, String contentType, JsonNode eido) {
    }

    static {
        try {
            DROP = Files.createTempDirectory("eido-drop");
            ERDR = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ERDR.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        ERDR.createContext("/erdr/eido", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String incident = exchange.getRequestHeaders().getFirst("Line102-Incident-Id");
            if (SLOW.contains(incident)) {
                HELD.add(incident);
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = down ? 503 : 201;
            if (!down) {
                RECEIVED.add(new Received(incident, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        JSON.readTree(new String(body, StandardCharsets.UTF_8))));
            }
            byte[] answer = (down ? "registry unavailable" : "accepted").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ERDR.start();
    }

    @DynamicPropertySource
    static void targets(DynamicPropertyRegistry registry) {
        String p = "line102.callcenter.incidents.export.";
        registry.add(p + "targets[0].name", () -> "erdr");
        registry.add(p + "targets[0].kind", () -> "http");
        registry.add(p + "targets[0].uri", () -> "http://127.0.0.1:" + ERDR.getAddress().getPort() + "/erdr/eido");
        registry.add(p + "targets[0].categories[0]", () -> "CRIMINAL_OFFENCE");
        registry.add(p + "targets[1].name", () -> "registry");
        registry.add(p + "targets[1].kind", () -> "file");
        registry.add(p + "targets[1].directory", DROP::toString);
        registry.add(p + "max-attempts", () -> "3");
        registry.add(p + "retry-min", () -> "100ms");
        registry.add(p + "retry-max", () -> "200ms");
        registry.add(p + "poll-interval", () -> "100ms");
        registry.add(p + "lease", () -> "90s");
        registry.add(p + "http-timeout", () -> "4s");
        // One more cached context on a PostgreSQL that other contexts (and checkouts) share.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    }

    @AfterAll
    static void stopRegistry() {
        release.countDown();
        ERDR.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    IncidentService incidents;
    @Autowired
    IncidentJobs jobs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;

    String admin;

    @BeforeEach
    void reset() {
        down = false;
        admin = Api.user(users, "export-admin", Role.ADMIN);
        Api.user(users, "export-reader", Role.AUDITOR);
    }

    private Incident registered(String category, String type) {
        UUID id = Cards.draft(incidents, "export-op", category, type, "Астана, ул. Бейбитшилик 14");
        return Cards.registerHere(incidents, jdbc, id);
    }

    /** Registered with the slow registry already holding it: its export starts at registration. */
    private Incident registeredSlow(String category, String type) {
        UUID id = Cards.draft(incidents, "export-op", category, type, "Астана, ул. Бейбитшилик 14");
        SLOW.add(id.toString());
        return Cards.registerHere(incidents, jdbc, id);
    }

    private Optional<IncidentJob> job(UUID id, String target) {
        return jobs.forIncident(id).stream().filter(j -> j.step().equals("export") && j.target().equals(target))
                .findFirst();
    }

    private IncidentJob awaitJob(UUID id, String target, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id, target).map(j -> j.status().equals(status))
                .orElse(false));
        return job(id, target).orElseThrow();
    }

    private long receivedFor(UUID id) {
        return RECEIVED.stream().filter(r -> id.toString().equals(r.incidentId())).count();
    }

    private static List<String> dropped(UUID id) throws IOException {
        try (Stream<Path> files = Files.list(DROP)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains(id.toString())).sorted()
                    .toList();
        }
    }

    @Test
    void aRegistryDownForAnHourParksTheExportAsDeadAndAReplayDeliversItExactlyOnce() throws IOException {
        down = true;
        Incident card = registered("CRIMINAL_OFFENCE", "robbery");
        String erdr = "erdr@v" + card.version();
        IncidentJob dead = awaitJob(card.id(), erdr, "dead");
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).contains("503");
        assertThat(receivedFor(card.id())).isZero();
        // The drop folder is another registry: its copy went out regardless.
        awaitJob(card.id(), "registry@v" + card.version(), "done");

        Api api = new Api(port);
        Api.Response letters = api.get("/api/v1/admin/dead-letters", admin);
        assertThat(letters.status()).isEqualTo(200);
        JsonNode letter = null;
        for (JsonNode l : letters.json().path("items")) {
            if (l.path("jobId").asLong() == dead.id()) {
                letter = l;
            }
        }
        assertThat(letter).as("dead letter of job %s in %s", dead.id(), letters.body()).isNotNull();
        assertThat(letter.path("kuiNumber").asString()).isEqualTo(card.kuiNumber());
        assertThat(letter.path("step").asString()).isEqualTo("export");
        assertThat(letter.path("target").asString()).isEqualTo(erdr);
        assertThat(letter.path("attempts").asInt()).isEqualTo(3);
        assertThat(letter.path("lastError").asString()).contains("503");

        Api.Response tooEarly = api.json("POST", "/api/v1/admin/dead-letters/" + dead.id() + "/replay", admin, null);
        assertThat(tooEarly.status()).isEqualTo(202);
        assertThat(tooEarly.json().path("status").asString()).isEqualTo("pending");
        // Still down: the replay runs its attempts again and parks it again; nothing is lost.
        await().atMost(Duration.ofSeconds(30)).until(() -> job(card.id(), erdr).orElseThrow().status().equals("dead")
                && job(card.id(), erdr).orElseThrow().attempts() == 3);

        down = false;
        Api.Response replay = api.json("POST", "/api/v1/admin/dead-letters/" + dead.id() + "/replay", admin, null);
        assertThat(replay.status()).isEqualTo(202);
        IncidentJob done = awaitJob(card.id(), erdr, "done");
        assertThat(done.lastError()).isNull();
        assertThat(receivedFor(card.id())).isEqualTo(1);
        Received got = RECEIVED.stream().filter(r -> card.id().toString().equals(r.incidentId())).findFirst()
                .orElseThrow();
        assertThat(got.idempotencyKey()).isEqualTo(card.id() + ":v" + card.version());
        assertThat(got.eido().path("incidentComponent").get(0).path("localIncidentIdentifier").asString())
                .isEqualTo(card.kuiNumber());

        Api.Response again = api.json("POST", "/api/v1/admin/dead-letters/" + dead.id() + "/replay", admin, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("not-dead");
        assertThat(api.json("POST", "/api/v1/admin/dead-letters/999999999/replay", admin, null).code())
                .isEqualTo("no-such-job");
    }

    @Test
    void aVersionTheRegistryHasTakenIsNeverSentAgain() {
        Incident card = registered("CRIMINAL_OFFENCE", "fraud");
        String erdr = "erdr@v" + card.version();
        IncidentJob done = awaitJob(card.id(), erdr, "done");
        assertThat(receivedFor(card.id())).isEqualTo(1);

        // The job runs again, as after a node died between the registry's answer and completing the job.
        assertThat(jobs.replay(done.id())).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            IncidentJob j = jobs.find(done.id()).orElseThrow();
            return j.status().equals("done") && j.updatedAt().isAfter(done.updatedAt());
        });
        assertThat(receivedFor(card.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from incident_exports_sent where incident_id = ?",
                Integer.class, card.id())).isEqualTo(2);
    }

    @Test
    void aSlowRegistryDoesNotHoldUpRegistration() {
        release = new CountDownLatch(1);
        Incident slow = registeredSlow("CRIMINAL_OFFENCE", "theft");
        String erdr = "erdr@v" + slow.version();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> HELD.contains(slow.id().toString()));

            // While the registry sits on that answer, a new card is submitted and registered.
            UUID next = Cards.draft(incidents, "export-op", "CRIMINAL_OFFENCE", "theft", "Астана, ул. Жубанова 2");
            incidents.submit(Actor.operator("export-op"), next, 2);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> incidents.get(next).status() == IncidentStatus.REGISTERED);
            assertThat(job(slow.id(), erdr).orElseThrow().status()).isNotEqualTo("done");
            assertThat(receivedFor(slow.id())).isZero();
        } finally {
            release.countDown();
        }
        awaitJob(slow.id(), erdr, "done");
        assertThat(receivedFor(slow.id())).isEqualTo(1);
    }

    @Test
    void aRegistryThatNeverAnswersTimesOutAndTheExportIsTriedAgain() {
        release = new CountDownLatch(1);
        Incident card = registeredSlow("CRIMINAL_OFFENCE", "robbery");
        String erdr = "erdr@v" + card.version();
        try {
            // Two timed-out tries of 4 s each and the back-off between them; more on a loaded machine.
            await().atMost(Duration.ofSeconds(60)).until(() -> job(card.id(), erdr).map(j -> j.attempts() >= 2
                    && j.lastError() != null).orElse(false));
            assertThat(job(card.id(), erdr).orElseThrow().lastError()).containsPattern("(?i)time(d)? ?out");
        } finally {
            SLOW.remove(card.id().toString());
            release.countDown();
        }
        awaitJob(card.id(), erdr, "done");
    }

    @Test
    void theDropFolderGetsOneFilePerCardVersionAndOnlyCriminalOffencesGoToTheErdr() throws IOException {
        Incident card = registered("INCIDENT", "road-accident");
        String first = card.id() + "-v" + card.version() + ".eido.json";
        IncidentJob filed = awaitJob(card.id(), "registry@v" + card.version(), "done");
        assertThat(dropped(card.id())).containsExactly(first);
        assertThat(job(card.id(), "erdr@v" + card.version())).as("not a criminal offence").isEmpty();

        JsonNode eido = JSON.readTree(Files.readString(DROP.resolve(first)));
        JsonNode incident = eido.path("incidentComponent").get(0);
        assertThat(incident.path("incidentTrackingIdentifier").asString()).contains(card.id().toString());
        assertThat(incident.path("localIncidentIdentifier").asString()).isEqualTo(card.kuiNumber());
        assertThat(incident.path("incidentStatusLocalCode").asString()).isEqualTo("REGISTERED");

        // Run again: the same file, overwritten in place, never a second one.
        Files.delete(DROP.resolve(first));
        jdbc.update("delete from incident_exports_sent where incident_id = ?", card.id());
        assertThat(jobs.replay(filed.id())).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(DROP.resolve(first)));
        assertThat(dropped(card.id())).containsExactly(first);

        // Closed: the outcome goes out as the next version, a file of its own.
        incidents.workOff(Actor.system("test"), card.id(), null, "the road was cleared", null);
        Incident closed = incidents.close(Actor.system("test"), card.id(), null, null);
        String last = card.id() + "-v" + closed.version() + ".eido.json";
        awaitJob(card.id(), "registry@v" + closed.version(), "done");
        assertThat(dropped(card.id())).containsExactly(first, last);
        JsonNode outcome = JSON.readTree(Files.readString(DROP.resolve(last)));
        assertThat(outcome.path("incidentComponent").get(0).path("incidentStatusLocalCode").asString())
                .isEqualTo("CLOSED");
        assertThat(outcome.path("incidentComponent").get(0).path("incidentDispositionText").asString())
                .isEqualTo("the road was cleared");
        assertThat(jobs.forIncident(card.id()).stream().filter(j -> j.step().equals("export")))
                .as("worked off is not a send-on status").hasSize(2);
    }

    @Test
    void theEidoDocumentOfACardIsServedWithItsVersion() {
        Incident card = registered("CRIMINAL_OFFENCE", "robbery");
        Api.Response answer = new Api(port).get("/api/v1/incidents/" + card.id() + "/eido", "export-reader");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("ETag")).isEqualTo("\"" + card.version() + "\"");
        JsonNode eido = answer.json();
        assertThat(eido.path("eidoMessageIdentifier").asString()).contains(card.id().toString())
                .endsWith(":v" + card.version());
        JsonNode incident = eido.path("incidentComponent").get(0);
        assertThat(incident.path("incidentTrackingIdentifier").asString())
                .startsWith("urn:emergency:uid:incidentid:" + card.id());
        assertThat(incident.path("localIncidentIdentifier").asString()).isEqualTo(card.kuiNumber());
        assertThat(incident.path("incidentTypeLocalCode").asString()).isEqualTo("robbery");
        assertThat(incident.path("incidentTypeCommonRegistryText").asString()).isEqualTo("Robbery");
        assertThat(incident.path("incidentCategoryLocalCode").asString()).isEqualTo("CRIMINAL_OFFENCE");
        assertThat(incident.path("incidentCommonPriorityNumber").asInt()).isEqualTo(2);
        assertThat(incident.path("incidentStatusCommonRegistryText").asString()).isEqualTo("Active");
        assertThat(incident.path("locationReference").get(0).path("$ref").asString()).isEqualTo("location-scene");
        JsonNode location = eido.path("locationComponent").get(0);
        assertThat(location.path("civicAddressText").asString()).isEqualTo("Астана, ул. Бейбитшилик 14");
        assertThat(location.path("wgs84Point").path("latitude").asDouble()).isEqualTo(51.128);
        assertThat(location.path("wgs84Point").path("longitude").asDouble()).isEqualTo(71.430);
        JsonNode caller = eido.path("personComponent").get(0);
        assertThat(caller.path("personRoleCommonRegistryText").asString()).isEqualTo("Caller");
        assertThat(caller.path("personNameText").asString()).isEqualTo("Сериков Арман");
        assertThat(eido.path("personComponent").get(1).path("personRoleLocalCode").asString()).isEqualTo("victim");
        assertThat(eido.path("agencyComponent").get(0).path("agencyIdentifier").asString())
                .isEqualTo(card.unitCode());
        assertThat(eido.path("notesComponent").get(0).path("noteText").asString())
                .isEqualTo("the caller saw it happen");
        assertThat(incident.path("incidentRegisteredTimeStamp").asString()).isNotEmpty();

        Api.Response none = new Api(port).get("/api/v1/incidents/" + UUID.randomUUID() + "/eido", "export-reader");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("no-such-incident");
    }
}
