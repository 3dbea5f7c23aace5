package kz.line102.callcenter.install.preflight;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When the recorder fetches recordings over ARI, one authenticated request to
 * {@code /ari/asterisk/info}: wrong credentials or an ARI nobody can reach end every
 * recording as missing, and nothing else would say why before the first call.
 */
final class AriCredentialsCheck implements PreflightCheck {

    /** Where ARI is and who logs in; empty when the recorder reads a spool directory. */
    record Target(URI baseUrl, String username, String password, Duration timeout) {
    }

    private final Supplier<Optional<Target>> target;

    AriCredentialsCheck(Supplier<Optional<Target>> target) {
        this.target = target;
    }

    @Override
    public String id() {
        return "ari-credentials";
    }

    @Override
    public List<Finding> run() {
        Optional<Target> t = target.get();
        if (t.isEmpty()) {
            return List.of(Finding.skipped(id(), "spool"));
        }
        Target ari = t.get();
        URI info = URI.create(ari.baseUrl().toString().replaceAll("/+$", "") + "/ari/asterisk/info");
        HttpClient client = HttpClient.newBuilder().connectTimeout(ari.timeout()).build();
        String basic = Base64.getEncoder().encodeToString(
                (ari.username() + ":" + ari.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(info).timeout(ari.timeout())
                .header("Authorization", "Basic " + basic).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return List.of(Finding.ok(id(), "ok", info));
            }
            if (status == 401 || status == 403) {
                return List.of(Finding.fail(id(), "refused", info, ari.username(), status));
            }
            return List.of(Finding.fail(id(), "unexpected", info, status));
        } catch (IOException e) {
            return List.of(Finding.fail(id(), "unreachable", info, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.fail(id(), "unreachable", info, "interrupted"));
        }
    }
}
