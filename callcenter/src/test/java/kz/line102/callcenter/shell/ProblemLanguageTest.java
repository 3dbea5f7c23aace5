package kz.line102.callcenter.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error the server sends is a problem document with a stable code and a detail in the
 * request's language (the language cookie, else Accept-Language, else Russian): the API's own
 * problems, field errors, a bad body, a bad parameter, an unknown URL, a method not allowed, a
 * request the firewall refuses; browsers asking for a page get the friendly page instead.
 */
@CallcenterTest
class ProblemLanguageTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private Api api;
    private String operator;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = Api.user(users, "lang-operator", Role.OPERATOR);
        admin = Api.user(users, "lang-admin", Role.ADMIN);
    }

    private Response send(String method, String path, String user, String acceptLanguage, String cookie, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        if (cookie != null) {
            b.header("Cookie", "line102.lang=" + cookie);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return api.send(b.build());
    }

    @Test
    void aProblemSpeaksTheLanguageOfTheRequestAndKeepsItsCodeAndArgs() {
        String body = "{\"workstation\":\"ws-zz\"}";
        Response kk = send("POST", "/api/v1/operators/me/session", operator, "kk", null, body);
        assertThat(kk.status()).isEqualTo(404);
        assertThat(kk.header("Content-Type")).startsWith("application/problem+json");
        assertThat(kk.code()).isEqualTo("no-such-workstation");
        assertThat(kk.json().path("detail").asString()).isEqualTo("«ws-zz» жұмыс орны табылмады.");
        assertThat(kk.json().path("args").get(0).asString()).isEqualTo("ws-zz");

        assertThat(send("POST", "/api/v1/operators/me/session", operator, "en-GB,en;q=0.9", null, body)
                .json().path("detail").asString()).isEqualTo("No workstation 'ws-zz'.");
        // No language asked for, or one we do not speak: Russian.
        assertThat(send("POST", "/api/v1/operators/me/session", operator, null, null, body)
                .json().path("detail").asString()).isEqualTo("Рабочее место «ws-zz» не найдено.");
        assertThat(send("POST", "/api/v1/operators/me/session", operator, "de", null, body)
                .json().path("detail").asString()).isEqualTo("Рабочее место «ws-zz» не найдено.");
        // The language the user chose (the pages' cookie) beats the browser's.
        assertThat(send("POST", "/api/v1/operators/me/session", operator, "en", "kk", body)
                .json().path("detail").asString()).isEqualTo("«ws-zz» жұмыс орны табылмады.");
    }

    @Test
    void fieldErrorsOfACardAreInTheUsersLanguageWithTheirCodes() {
        Response draft = send("POST", "/api/v1/incidents", operator, "kk", null, "{}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().path("incident").path("id").asString();
        Response kk = send("POST", "/api/v1/incidents/" + id + "/submit", operator, "kk", null, "{}");
        assertThat(kk.status()).isEqualTo(400);
        assertThat(kk.code()).isEqualTo("invalid-incident");
        assertThat(kk.json().path("detail").asString()).isEqualTo(
                "Карточка қате толтырылған: белгіленген өрістерді түзетіңіз.");
        assertThat(error(kk, "description")).isEqualTo("Не болғанын сипаттаңыз.");
        assertThat(error(send("POST", "/api/v1/incidents/" + id + "/submit", operator, "ru", null, "{}"),
                "description")).isEqualTo("Опишите, что случилось.");
        assertThat(error(send("POST", "/api/v1/incidents/" + id + "/submit", operator, "en", null, "{}"),
                "description")).isEqualTo("Say what happened.");
        assertThat(kk.body()).contains("\"code\":\"required.description\"");
    }

    private static String error(Response r, String field) {
        for (var e : r.json().path("errors")) {
            if (e.path("field").asString().equals(field)) {
                return e.path("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + r.body());
    }

    @Test
    void aBadBodySaysWhereNotWhatJacksonThought() {
        Response bad = send("POST", "/api/v1/operators/me/session", operator, "ru", null, "{\n \"workstation\": [1,");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("invalid-request");
        assertThat(bad.json().path("detail").asString()).startsWith("Тело запроса — не JSON ожидаемого вида (строка 2");
        assertThat(bad.body()).doesNotContainIgnoringCase("jackson").doesNotContain("java.", "tools.");
    }

    @Test
    void aBadOrMissingParameterIsAProblemNotSpringsDefaultJson() {
        Response bad = send("GET", "/api/v1/line-health/test-calls?limit=many", admin, "kk", null, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.code()).isEqualTo("invalid-parameter");
        assertThat(bad.json().path("detail").asString()).isEqualTo("«limit» параметрі қате көрсетілген.");
        assertThat(bad.body()).doesNotContain("\"error\"", "\"timestamp\"", "NumberFormatException");
    }

    @Test
    void anUnknownUrlUnderTheApiIsANotFoundProblem() {
        Response missing = send("GET", "/api/v1/incidents/types/none/at/all", operator, "en", null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.code()).isEqualTo("not-found");
        assertThat(missing.json().path("detail").asString()).isEqualTo("There is nothing at this address.");
        assertThat(missing.json().path("instance").asString()).isEqualTo("/api/v1/incidents/types/none/at/all");
    }

    @Test
    void aMethodNotAllowedIsAProblemFromTheErrorController() {
        Response wrong = send("DELETE", "/i18n/ru.json", admin, "ru", null, null);
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrong.code()).isEqualTo("method-not-allowed");
        assertThat(wrong.json().path("detail").asString()).isEqualTo("Этот метод здесь не поддерживается.");
    }

    @Test
    void aRequestTheFirewallRefusesIsAProblemInTheRequestsLanguage() {
        Response refused = send("GET", "/api/v1/session/%3Bx", operator, "kk", null, null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("request-rejected");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("Сұрау қабылданбады: жарамсыз мекенжай немесе тақырып.");
    }

    @Test
    void aBrowserAskingForAMissingPageGetsTheFriendlyPage() {
        HttpRequest page = HttpRequest.newBuilder(URI.create(api.base() + "/no-such-page"))
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", "kk")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((operator + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        Response r = api.send(page);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("Бет табылмады", "<html lang=\"kk\"").doesNotContain("Whitelabel");
    }

    @Test
    void theBundleIsPublicCacheableAndComplete() {
        Response kk = send("GET", "/i18n/kk.json", null, null, null, null);
        assertThat(kk.status()).isEqualTo(200);
        assertThat(kk.header("Cache-Control")).contains("public", "max-age");
        assertThat(kk.json().path("problem.no-such-workstation").asString()).isEqualTo("«{0}» жұмыс орны табылмады.");
        assertThat(kk.json().path("console.join").asString()).isEqualTo("Жұмыс орнын алу");
        HttpRequest again = HttpRequest.newBuilder(URI.create(api.base() + "/i18n/kk.json"))
                .header("If-None-Match", kk.header("ETag")).build();
        assertThat(api.send(again).status()).isEqualTo(304);

        Response none = send("GET", "/i18n/xx.json", null, "en", null, null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("no-such-language");
    }
}
