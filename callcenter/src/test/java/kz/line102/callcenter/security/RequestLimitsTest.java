package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What one request may carry (413 before the body is read) and the CSRF waiver, which
 * holds only for a request that HTTP Basic itself authenticated.
 */
@CallcenterTest
class RequestLimitsTest {

    private static final String CARD = "/api/v1/incidents/00000000-0000-0000-0000-000000000000";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    Api api;
    String supervisor;

    @BeforeEach
    void users() {
        api = new Api(port);
        supervisor = Api.user(users, "limits-supervisor", Role.SUPERVISOR);
    }

    @Test
    void anOversizedJsonBodyIsRefusedWith413BeforeItIsRead() {
        String big = "{\"version\":1,\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Response r = api.json("PUT", CARD, supervisor, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("request-too-large");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anOversizedBodyWithoutALengthIsCutOffAt413Too() {
        byte[] big = ("{\"version\":1,\"description\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // An input stream publisher has no length: the body goes chunked.
        Response r = api.send("PUT", CARD, supervisor, "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.code()).isEqualTo("request-too-large");
    }

    @Test
    void aSmallBodyPassesTheLimit() {
        Response r = api.json("PUT", CARD, supervisor, "{\"version\":1,\"description\":\"short\"}");
        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void aBogusAuthorizationHeaderDoesNotWaiveCsrfForASession() {
        String session = signIn(supervisor);
        // A header that is not Basic waives nothing: the session's POST still needs its token.
        Response bearer = post(session, "Bearer forged-by-a-foreign-page");
        assertThat(bearer.status()).isEqualTo(403);
        assertThat(bearer.code()).isEqualTo("forbidden");
        // Basic credentials that do not hold are refused, even beside a session of the same user.
        Response wrongBasic = post(session, "Basic " + Base64.getEncoder()
                .encodeToString((supervisor + ":not-the-password").getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongBasic.status()).isEqualTo(401);
        // Without any header and without a token: refused as before.
        assertThat(post(session, null).status()).isEqualTo(403);
        // Basic that holds: authenticated by it, no token needed.
        Response basic = api.json("POST", "/api/v1/incidents/" + CARD.substring(CARD.lastIndexOf('/') + 1)
                + "/cancel", supervisor, "{}");
        assertThat(basic.status()).isEqualTo(404);
    }

    private Response post(String cookie, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + CARD + "/cancel"))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return api.send(b.build());
    }

    /** Signs in through the form; returns the session cookie. */
    private String signIn(String user) {
        Response page = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login")).build());
        String cookie = cookie(page);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).isTrue();
        Response signedIn = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=" + user + "&password=" + enc(Api.PASSWORD) + "&_csrf="
                        + enc(m.group(1)))).build());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");
        String fresh = signedIn.header("Set-Cookie");
        return fresh == null ? cookie : fresh.split(";", 2)[0];
    }

    private static String cookie(Response r) {
        return Arrays.stream(r.header("Set-Cookie").split(";")).findFirst().orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
