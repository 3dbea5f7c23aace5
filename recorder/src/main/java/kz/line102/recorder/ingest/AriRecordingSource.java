package kz.line102.recorder.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.recorder.RecorderProperties;

/**
 * Asterisk's stored recordings over ARI: {@code GET /ari/recordings/stored/{name}/file}
 * to fetch, {@code DELETE /ari/recordings/stored/{name}} to delete. ARI names a stored
 * recording by its path under Asterisk's recording directory without the extension, so
 * MixMonitor must write under that directory for this source to reach its files.
 */
public final class AriRecordingSource implements RecordingSource {

    /** One object of ARI's JSON list: stored recordings are flat objects (name, format). */
    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");

    private final RecorderProperties.Ari config;
    private final HttpClient http;
    private final String authorization;

    public AriRecordingSource(RecorderProperties.Ari config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Path fetch(String sourceName, Path scratchDir) throws IOException {
        Files.createDirectories(scratchDir);
        Path target = scratchDir.resolve("source.wav");
        Path partial = scratchDir.resolve("source.wav.part");
        HttpResponse<Path> response = send(request(sourceName, "/file").GET().build(),
                HttpResponse.BodyHandlers.ofFile(partial), sourceName);
        if (response.statusCode() == 404) {
            Files.deleteIfExists(partial);
            throw new SourceMissingException(sourceName);
        }
        if (response.statusCode() != 200) {
            Files.deleteIfExists(partial);
            throw new SourceUnavailableException("ARI answered " + response.statusCode() + " for " + sourceName, null);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void delete(String sourceName) throws IOException {
        HttpResponse<Void> response = send(request(sourceName, "").DELETE().build(),
                HttpResponse.BodyHandlers.discarding(), sourceName);
        int s = response.statusCode();
        if (s != 204 && s != 200 && s != 404) {
            throw new SourceUnavailableException("ARI answered " + s + " to deleting " + sourceName, null);
        }
    }

    /**
     * {@code GET /ari/recordings/stored}: each stored recording as the PBX path it was
     * written to (recording directory, name, format), the form a MixMonitor event gives.
     * ARI does not say when a file last changed: the sweep waits for one to stay listed.
     */
    @Override
    public List<Listed> list() {
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/ari/recordings/stored"))
                .timeout(config.timeout()).header("Authorization", authorization).GET().build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "the stored list");
        if (response.statusCode() != 200) {
            throw new SourceUnavailableException("ARI answered " + response.statusCode()
                    + " for the list of stored recordings", null);
        }
        String dir = config.recordingDir().endsWith("/") ? config.recordingDir() : config.recordingDir() + "/";
        List<Listed> out = new ArrayList<>();
        Matcher object = OBJECT.matcher(response.body());
        while (object.find()) {
            String name = field(object.group(), "name");
            String format = field(object.group(), "format");
            if (name != null && !name.isEmpty()) {
                out.add(new Listed(dir + name + (format == null || format.isEmpty() ? "" : "." + format), null));
            }
        }
        return out;
    }

    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** The ARI stored-recording name of a PBX file name. */
    String storedName(String sourceName) {
        String dir = config.recordingDir().endsWith("/") ? config.recordingDir() : config.recordingDir() + "/";
        String name = sourceName;
        if (name.startsWith("/")) {
            if (!name.startsWith(dir)) {
                throw new SourceMissingException(sourceName + " (outside ARI's recording directory " + dir + ")");
            }
            name = name.substring(dir.length());
        }
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot > slash) {
            name = name.substring(0, dot);
        }
        if (name.isEmpty() || name.contains("..")) {
            throw new SourceMissingException(sourceName);
        }
        return name;
    }

    private HttpRequest.Builder request(String sourceName, String suffix) {
        String encoded = URLEncoder.encode(storedName(sourceName), StandardCharsets.UTF_8).replace("+", "%20");
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + "/ari/recordings/stored/" + encoded + suffix))
                .timeout(config.timeout())
                .header("Authorization", authorization);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String sourceName) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new SourceUnavailableException("ARI unreachable for " + sourceName + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while fetching " + sourceName, e);
        }
    }
}
