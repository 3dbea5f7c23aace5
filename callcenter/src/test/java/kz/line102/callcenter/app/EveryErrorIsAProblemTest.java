package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The errors that used to escape as something else: what Tomcat refuses before the
 * application (its HTML page), a parameter of the wrong type (Spring's JSON), a body value
 * of the wrong kind (Jackson's words naming Java types). Each is a problem document with a
 * stable code and a detail in the request's language. Sent over a raw socket, as a browser
 * or a probe would send them: an HTTP client refuses to send most of these.
 */
@CallcenterTest
class EveryErrorIsAProblemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private String admin;

    @BeforeEach
    void users() {
        admin = Api.user(users, "problems-admin", Role.ADMIN);
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/v1/session/%2F HTTP/1.1",
            "GET /api/v1/session/%5C HTTP/1.1",
            "GET /api/v1/session%00 HTTP/1.1",
            "GET /api/v1/%ZZ HTTP/1.1",
            "GET /api/v1/session;x=1 HTTP/1.1",
            "GET /api/v1//session HTTP/1.1"})
    void aRequestRefusedBeforeTheApplicationIsAProblemInTheRequestsLanguage(String requestLine) throws Exception {
        Answer refused = raw(requestLine, "kk", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("<html", "Tomcat", "org.apache");
        assertThat(refused.json().path("code").asString()).isEqualTo("request-rejected");
        assertThat(refused.json().path("status").asInt()).isEqualTo(400);
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("Сұрау қабылданбады: жарамсыз мекенжай немесе тақырып.");
    }

    /** Tomcat stops reading at a bad request line or header: the language is unknown, so the default (Russian). */
    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/sess{ion HTTP/1.1", "GET /api/v1/session HTTP/1.1\r\nX-Bad: a\u0001b"})
    void aRequestTomcatCannotEvenReadIsAProblemInTheDefaultLanguage(String requestLine) throws Exception {
        Answer refused = raw(requestLine, "kk", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("request-rejected");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("Запрос отклонён: недопустимый адрес или заголовок.");
    }

    @Test
    void aNumberParameterThatIsNoNumberIsALocalizedProblem() throws Exception {
        Answer bad = raw("GET /api/v1/line-health/test-calls?limit=many HTTP/1.1", "ru", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().path("code").asString()).isEqualTo("invalid-parameter");
        assertThat(bad.json().path("detail").asString()).isEqualTo("Параметр «limit» указан неверно.");
        assertThat(bad.body()).doesNotContain("java.", "Integer", "NumberFormatException", "\"error\"");
    }

    @Test
    void aTimeThatIsNoTimeIsAFieldProblemNamingTheFieldNotAJavaType() throws Exception {
        String rules = """
                {"defaultQueue":"q102","defaultPriority":0,"rules":[{"name":"night","when":{"from":"25:99","to":"07:00"},
                "queue":"q102","priority":3}]}""";
        Answer bad = raw("POST /api/v1/routing/validate HTTP/1.1", "kk", rules);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).doesNotContain("java.", "LocalTime", "Cannot deserialize", "tools.jackson");
        JsonNode problem = bad.json();
        assertThat(problem.path("code").asString()).isEqualTo("invalid-request");
        assertThat(problem.path("detail").asString())
                .isEqualTo("«rules[0].when.from» өрісі: уақытты СС:ММ түрінде көрсетіңіз, мысалы 08:00.");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("rules[0].when.from");
        assertThat(problem.path("errors").get(0).path("code").asString()).isEqualTo("wrong-time");
        assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("Уақыт СС:ММ түрінде, мысалы 08:00.");

        Answer ru = raw("POST /api/v1/routing/validate HTTP/1.1", "ru", rules.replace("\"priority\":3", "\"priority\":null"));
        assertThat(ru.body()).doesNotContain("java.", "Cannot map", "tools.jackson");
        assertThat(ru.json().path("code").asString()).isEqualTo("invalid-request");
    }

    /** One request on its own connection, as written; the answer's status, type and body (chunks joined). */
    private Answer raw(String requestLine, String language, String json) throws Exception {
        String auth = Base64.getEncoder().encodeToString((admin + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                + "\r\nAccept: application/json\r\nAccept-Language: " + language + "\r\nConnection: close\r\n"
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String headers = answer.substring(0, split);
            String rest = answer.substring(split + 4);
            int status = Integer.parseInt(headers.substring(9, 12));
            String type = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).trim()).findFirst().orElse("");
            if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
                rest = dechunk(rest);
            }
            return new Answer(status, type, rest);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int at = 0;
        StringBuilder joined = new StringBuilder();
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        while (at < bytes.length) {
            int eol = at;
            while (eol + 1 < bytes.length && !(bytes[eol] == '\r' && bytes[eol + 1] == '\n')) {
                eol++;
            }
            int size = Integer.parseInt(new String(bytes, at, eol - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                break;
            }
            data.write(bytes, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        out.append(joined).append(data.toString(StandardCharsets.UTF_8));
        return out.toString();
    }
}
