package kz.line102.callcenter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.security.UserService.UserChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API as a client sees it, signed in with HTTP Basic as a test user. Test
 * users all share {@link #PASSWORD}; {@link #user} makes one exist with exactly the
 * given roles, whatever an earlier run left in the database.
 */
public final class Api {

    public static final String PASSWORD = "test-password-102";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String user(UserService users, String username, Role first, Role... more) {
        Set<Role> roles = EnumSet.of(first, more);
        // As in production (AdminBootstrap), there is always an enabled administrator: without one,
        // UserService refuses every change of a user, and a test run may start with none.
        if (users.all().stream().noneMatch(u -> u.enabled() && u.roles().contains(Role.ADMIN))) {
            users.create("test-bootstrap-admin", "Test administrator", PASSWORD, EnumSet.of(Role.ADMIN));
        }
        if (users.all().stream().noneMatch(u -> u.username().equals(username))) {
            users.create(username, "Test " + username, PASSWORD, roles);
        } else {
            users.change(username, new UserChange(null, roles, true, PASSWORD));
        }
        // A language chosen on a page in an earlier test would otherwise follow the user into the next one.
        users.chooseLanguage(username, null);
        return username;
    }

    /** A response with its body as text; {@link #json()} parses it. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path, String user) {
        return send("GET", path, user, null, null);
    }

    public Response json(String method, String path, String user, String json) {
        return send(method, path, user, "application/json",
                json == null ? null : BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    public Response csv(String path, String user, byte[] csv) {
        return send("POST", path, user, "text/csv", BodyPublishers.ofByteArray(csv));
    }

    /** {@code user} null: anonymous. */
    public Response send(String method, String path, String user, String contentType, BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? BodyPublishers.noBody() : body);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    private static final java.util.regex.Pattern CSRF =
            java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** Signs in by the sign-in form as a browser does: the session cookie ({@code NAME=value}). */
    public String signInByForm(String username) {
        Response form = withSession("GET", "/login", null);
        java.util.regex.Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        Response ok = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie(form))
                .POST(BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(PASSWORD)
                        + "&_csrf=" + enc(m.group(1))))
                .build());
        if (ok.status() != 302 || String.valueOf(ok.header("Location")).contains("error")) {
            throw new IllegalStateException(username + " not signed in: " + ok.status() + " " + ok.header("Location"));
        }
        return cookie(ok);
    }

    /** A JSON request carrying a session cookie (or none) instead of Basic credentials. */
    public Response withSession(String method, String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, BodyPublishers.noBody());
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.build());
    }

    /** The {@code NAME=value} of the answer's Set-Cookie, or null. */
    public static String cookie(Response r) {
        String set = r.header("Set-Cookie");
        return set == null ? null : set.split(";", 2)[0];
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
