package kz.line102.callcenter.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application context for the routing tests, with a change channel of its own. Rule
 * set versions are global in the database, so tests save what they need and never count
 * on a version number; numbers are random so call history does not leak between tests.
 */
@CallcenterTest
abstract class RoutingTestSupport {

    static final String CHANNEL = "line102:test:" + UUID.randomUUID() + ":routing";
    /** The routing API is for administrators (SecurityConfiguration). */
    static final String ADMIN_USER = "routing-admin";

    @DynamicPropertySource
    static void channel(DynamicPropertyRegistry registry) {
        registry.add("line102.callcenter.routing.changes-channel", () -> CHANNEL);
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RoutingService routing;

    @Autowired
    UserService users;

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;

    @BeforeEach
    void admin() {
        admin = Api.user(users, ADMIN_USER, Role.ADMIN);
    }

    static String randomMobile() {
        return "+7701" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, "en");
    }

    /** {@code language}: the request's Accept-Language, the language of the texts in the answer. */
    HttpResponse<String> send(String method, String path, String body, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (admin + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** A finished call record from {@code number}, as the intake would have written it. */
    void pastCall(String number, Instant offeredAt, String outcome) {
        jdbc.update("insert into calls (id, caller_number, caller_number_e164, caller_number_status, outcome, "
                        + "offered_at, ended_at) values (?, ?, ?, 'valid', ?, ?, ?)", UUID.randomUUID(), number, number,
                outcome, Timestamp.from(offeredAt), Timestamp.from(offeredAt.plusSeconds(60)));
    }
}
