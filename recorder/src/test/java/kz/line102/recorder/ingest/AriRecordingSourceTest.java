package kz.line102.recorder.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import kz.line102.recorder.Fixtures;
import kz.line102.recorder.Harness;
import kz.line102.recorder.IngestRequest;
import kz.line102.recorder.RecorderProperties;

/**
 * Against a stand-in for Asterisk's ARI HTTP server that answers as the captures show:
 * 401 {@code {"message":"Authentication required"}} for a wrong password, 404 for an
 * unknown stored recording, the file's bytes, 204 to DELETE.
 */
class AriRecordingSourceTest {

    private static final String NAME = "line102/102-20261122-233608-1795390568.0";

    @TempDir
    Path dir;

    private HttpServer ari;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean stored = true;

    @BeforeEach
    void startAri() throws Exception {
        byte[] wav = Files.readAllBytes(Fixtures.mixMonitorWav());
        String auth = "Basic " + Base64.getEncoder().encodeToString("callcenter:ari102secret".getBytes(StandardCharsets.UTF_8));
        ari = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ari.createContext("/ari/recordings/stored/", ex -> {
            String path = ex.getRequestURI().getRawPath();
            requests.add(ex.getRequestMethod() + " " + path);
            byte[] body = new byte[0];
            int status;
            String expected = "/ari/recordings/stored/" + NAME.replace("/", "%2F");
            if (!auth.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"message\":\"Authentication required\"}".getBytes(StandardCharsets.UTF_8);
            } else if (!stored || !path.startsWith(expected)) {
                status = 404;
            } else if (ex.getRequestMethod().equals("DELETE") && path.equals(expected)) {
                stored = false;
                status = 204;
            } else if (path.equals(expected + "/file")) {
                status = 200;
                body = wav;
            } else {
                status = 404;
            }
            ex.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        // The stored list, as Asterisk answers it (a JSON array of name and format).
        ari.createContext("/ari/recordings/stored", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
            byte[] body = (stored ? "[{\"name\":\"" + NAME.replace("/", "\\/") + "\",\"format\":\"wav\"}]" : "[]")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        ari.start();
    }

    @AfterEach
    void stopAri() {
        ari.stop(0);
    }

    private RecorderProperties.Ari config(String password) {
        return new RecorderProperties.Ari(URI.create("http://127.0.0.1:" + ari.getAddress().getPort()),
                "callcenter", password, "/var/spool/asterisk/recording", Duration.ofSeconds(5));
    }

    @Test
    void fetchesTheStoredRecordingAndDeletesItOnceArchived() throws Exception {
        RecorderProperties.Ari ariConfig = config("ari102secret");
        try (Harness h = new Harness(dir, p -> p.withIngest(p.ingest().withSource(RecorderProperties.SourceKind.ARI,
                ariConfig)), new AriRecordingSource(ariConfig), null)) {
            IngestJob job = h.service.ingest(IngestRequest.of("call-1",
                    "/var/spool/asterisk/recording/" + NAME + ".wav", Instant.parse("2026-11-22T23:36:08Z"), null, null));

            assertThat(job.state()).isEqualTo(IngestState.DONE);
            assertThat(requests).containsExactly(
                    "GET /ari/recordings/stored/line102%2F102-20261122-233608-1795390568.0/file",
                    "DELETE /ari/recordings/stored/line102%2F102-20261122-233608-1795390568.0");
        }
    }

    @Test
    void theSweepFindsAStoredRecordingNoEventAnnouncedOnceItHasStayedListedForTheMinimumAge() throws Exception {
        RecorderProperties.Ari ariConfig = config("ari102secret");
        try (Harness h = new Harness(dir, p -> p.withIngest(p.ingest().withSource(RecorderProperties.SourceKind.ARI,
                ariConfig)), new AriRecordingSource(ariConfig), null)) {
            assertThat(h.service.sweepOrphans()).as("first seen now: ARI does not say when it changed").isZero();

            h.clock.advance(h.props.ingest().orphanSweep().minAge());
            assertThat(h.service.sweepOrphans()).isEqualTo(1);

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !stored);
            assertThat(h.service.search(kz.line102.recorder.catalog.RecordingQuery.all(5).orphan(true)).items())
                    .singleElement().satisfies(r -> assertThat(r.sourceName())
                            .isEqualTo("/var/spool/asterisk/recording/" + NAME + ".wav"));
        }
    }

    @Test
    void anUnknownRecordingIsMissingAndRefusedCredentialsAreAnOutage() throws Exception {
        stored = false;
        AriRecordingSource source = new AriRecordingSource(config("ari102secret"));
        assertThatThrownBy(() -> source.fetch(NAME + ".wav", dir)).isInstanceOf(SourceMissingException.class);

        stored = true;
        AriRecordingSource wrong = new AriRecordingSource(config("wrong"));
        assertThatThrownBy(() -> wrong.fetch(NAME + ".wav", dir)).isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("401");
    }

    @Test
    void aFileOutsideAsterisksRecordingDirectoryCannotBeReachedOverAri() {
        AriRecordingSource source = new AriRecordingSource(config("ari102secret"));

        assertThatThrownBy(() -> source.fetch("/var/spool/asterisk/monitor/102-x.wav", dir))
                .isInstanceOf(SourceMissingException.class).hasMessageContaining("outside");
    }

    @Test
    void anUnreachableAriIsAnOutageNotAMissingFile() throws Exception {
        RecorderProperties.Ari config = config("ari102secret");
        ari.stop(0);

        assertThatThrownBy(() -> new AriRecordingSource(config).fetch(NAME + ".wav", dir))
                .isInstanceOf(SourceUnavailableException.class);
    }
}
