package kz.line102.callcenter.install.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ARI-credentials finding against a small local HTTP server standing in for Asterisk's. */
class AriCredentialsCheckTest {

    private HttpServer ari;

    @BeforeEach
    void start() throws IOException {
        ari = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String good = "Basic " + Base64.getEncoder().encodeToString("callcenter:secret".getBytes(StandardCharsets.UTF_8));
        ari.createContext("/ari/asterisk/info", exchange -> {
            boolean ok = good.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (ok ? "{\"system\":{}}" : "{\"message\":\"Authentication required\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ari.start();
    }

    @AfterEach
    void stop() {
        ari.stop(0);
    }

    @Test
    void theRightCredentialsAreOk() {
        Finding f = only(check("callcenter", "secret", ari.getAddress().getPort()));
        assertThat(f.status()).isEqualTo(Finding.Status.OK);
    }

    @Test
    void aWrongPasswordIsRefusedAndSaysWhatToChange() {
        Finding f = only(check("callcenter", "wrong", ari.getAddress().getPort()));
        assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(f.outcome()).isEqualTo("refused");
        PreflightTexts texts = new PreflightTexts();
        assertThat(texts.message(f, Locale.forLanguageTag("ru"))).contains("отказал пользователю callcenter");
        assertThat(texts.fix(f, Locale.ENGLISH)).contains("ari.conf");
    }

    @Test
    void anAriNobodyListensOnIsUnreachable() throws IOException {
        int unused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unused = s.getLocalPort();
        }
        Finding f = only(check("callcenter", "secret", unused));
        assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(f.outcome()).isEqualTo("unreachable");
    }

    @Test
    void inSpoolModeItIsSkipped() {
        Finding f = only(new AriCredentialsCheck(Optional::empty).run());
        assertThat(f.status()).isEqualTo(Finding.Status.SKIPPED);
    }

    private static List<Finding> check(String user, String password, int port) {
        AriCredentialsCheck.Target t = new AriCredentialsCheck.Target(URI.create("http://127.0.0.1:" + port), user,
                password, Duration.ofSeconds(2));
        return new AriCredentialsCheck(() -> Optional.of(t)).run();
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
