package kz.line102.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Operators signed in through the application's own API, as at a shift start: the
 * bootstrap admin creates users and desks, each operator signs in at a desk, some pause.
 */
final class BenchOperators {

    static final String ADMIN = "bench-admin";
    static final String PASSWORD = "bench-password-102";

    /** One signed-in operator: the PBX interface of their desk and their pause reason, if any. */
    record Operator(String username, String iface, String pauseReason) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private volatile int port;

    BenchOperators(int port) {
        this.port = port;
    }

    /** Talk to another node from now on (the first one was killed). */
    void use(int port) {
        this.port = port;
    }

    /**
     * {@code count} operators at extensions 2001…, away from the captured calls' operators (1001–1003:
     * a replayed call would "answer" at a paused desk, which a real PBX never does); every third one paused.
     */
    List<Operator> signIn(int count) throws IOException, InterruptedException {
        List<Operator> ops = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String user = "bench-op" + i;
            String ext = String.valueOf(2000 + i);
            call("POST", "/api/v1/admin/users", ADMIN, "{\"username\":\"" + user + "\",\"displayName\":\"Bench " + i
                    + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"OPERATOR\"]}", 201);
            call("POST", "/api/v1/admin/workstations", ADMIN, "{\"name\":\"bench-desk-" + i + "\",\"extension\":\""
                    + ext + "\"}", 201);
            call("POST", "/api/v1/operators/me/session", user, "{\"workstation\":\"bench-desk-" + i + "\"}", 201);
            String reason = null;
            if (i % 3 == 2) {
                reason = "break";
                call("PUT", "/api/v1/operators/me/state", user, "{\"state\":\"paused\",\"reason\":\"break\"}", 200);
            }
            ops.add(new Operator(user, "PJSIP/" + ext, reason));
        }
        return ops;
    }

    /** The operator's state as the application shows it, e.g. {@code ready} or {@code paused/break}. */
    String state(String user) {
        try {
            String body = call("GET", "/api/v1/operators/me/state", user, null, 200);
            String state = field(body, "state\"\\s*:\\s*\\{[^}]*?\"state");
            String reason = field(body, "reason");
            return reason == null ? state : state + "/" + reason;
        } catch (IOException e) {
            return "error " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The state an operator should show: paused with its reason, or ready. */
    static String expected(Operator op) {
        return op.pauseReason() == null ? "ready" : "paused/" + op.pauseReason();
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private String call(String method, String path, String user, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException(method + " " + path + " as " + user + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
