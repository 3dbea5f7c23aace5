package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser's way in: the sign-in form, the session cookie, CSRF tokens and the security headers. */
@CallcenterTest
class BrowserSessionTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    Api api;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        operator = Api.user(users, "browser-operator", Role.OPERATOR);
    }

    @Test
    void aPageAsksForSignInAndTheFormSignsInWithACsrfToken() {
        Response page = get("/", null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");

        Response form = get("/login", null);
        assertThat(form.status()).isEqualTo(200);
        String cookie = cookie(form);
        String token = csrf(form);

        Response withoutToken = post("/login", cookie, "username=" + operator + "&password=" + Api.PASSWORD, null);
        assertThat(withoutToken.status()).isEqualTo(403);

        Response wrong = post("/login", cookie, "username=" + operator + "&password=wrong&_csrf=" + enc(token), null);
        assertThat(wrong.header("Location")).contains("/login?error");

        Response ok = post("/login", cookie,
                "username=" + operator + "&password=" + enc(Api.PASSWORD) + "&_csrf=" + enc(token), null);
        assertThat(ok.status()).isEqualTo(302);
        String session = cookie(ok);
        assertThat(session).isNotNull().isNotEqualTo(cookie);

        Response me = get("/api/v1/operators/me", session);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo(operator);
    }

    @Test
    void aSessionCannotChangeAnythingWithoutItsCsrfToken() {
        Response form = get("/login", null);
        Response ok = post("/login", cookie(form),
                "username=" + operator + "&password=" + enc(Api.PASSWORD) + "&_csrf=" + enc(csrf(form)), null);
        String session = cookie(ok);

        Response forged = send("DELETE", "/api/v1/operators/me/session", session, null);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("forbidden");

        String token = csrf(get("/login", session));
        Response real = send("DELETE", "/api/v1/operators/me/session", session, token);
        assertThat(real.status()).isEqualTo(204);
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        Response r = api.get("/api/v1/operators/me", operator);
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(r.header("Cache-Control")).contains("no-store");
        assertThat(r.header("Set-Cookie")).as("Basic API calls open no session").isNull();
    }

    private Response get(String path, String cookie) {
        return send("GET", path, cookie, null);
    }

    private Response send(String method, String path, String cookie, String csrfHeader) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .method(method, BodyPublishers.noBody());
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrfHeader != null) {
            b.header("X-CSRF-TOKEN", csrfHeader);
        }
        return api.send(b.build());
    }

    private Response post(String path, String cookie, String form, String csrfHeader) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return api.send(b.build());
    }

    private static String cookie(Response r) {
        String set = r.header("Set-Cookie");
        return set == null ? null : set.split(";", 2)[0];
    }

    private static String csrf(Response page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
