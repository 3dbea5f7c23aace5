package kz.line102.callcenter.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.recorder.Recording;
import kz.line102.recorder.access.DownloadManifest;
import kz.line102.recorder.access.RecordingContent;
import kz.line102.recorder.catalog.RecordingPage;
import kz.line102.recorder.catalog.RecordingQuery;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' archive API. The legal-basis request travels in {@code X-Archive-Request}
 * or, for players that cannot set headers ({@code <audio src>}), the {@code request}
 * query parameter.
 */
@RestController
@RequestMapping("/api/v1/archive")
class ArchiveController {

    static final String REQUEST_HEADER = "X-Archive-Request";

    private final ArchiveService archive;
    private final ArchiveProperties props;

    ArchiveController(ArchiveService archive, ArchiveProperties props) {
        this.archive = archive;
        this.props = props;
    }

    record NewRequest(String requestingBody, String documentNumber, LocalDate documentDate, String reason) {
    }

    record RequestView(UUID id, String requestingBody, String documentNumber, LocalDate documentDate, String reason,
                       Instant createdAt) {
    }

    record RecordingView(UUID id, String callId, String incidentId, Instant callAt, String callerNumber,
                         String operator, long durationMs, long sizeBytes, String sha256, String codec,
                         String retentionClass, Instant ingestedAt, boolean orphan, String truncatedReason,
                         String operatorUser, String kuiNumber) {
        static RecordingView of(Recording r, java.util.Map<String, String> kui) {
            return new RecordingView(r.id(), r.callId(), r.incidentId(), r.callAt(), r.callerNumber(), r.operator(),
                    r.duration() == null ? 0 : r.duration().toMillis(), r.sizeBytes(), r.sha256(), r.codec(),
                    r.retentionClass(), r.ingestedAt(), r.orphan(), r.truncatedReason(), r.operatorUser(),
                    r.incidentId() == null ? null : kui.get(r.incidentId()));
        }
    }

    record SearchPage(List<RecordingView> items, String next) {
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    RequestView record(Authentication auth, @RequestBody NewRequest body) {
        ArchiveRequest r = archive.record(auth.getName(), body.requestingBody(), body.documentNumber(),
                body.documentDate(), body.reason());
        return new RequestView(r.id(), r.requestingBody(), r.documentNumber(), r.documentDate(), r.reason(),
                r.createdAt());
    }

    @GetMapping("/recordings")
    SearchPage search(Authentication auth, @RequestHeader(name = REQUEST_HEADER, required = false) String header,
                      @RequestParam(name = "request", required = false) String param,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String number, @RequestParam(required = false) String operator,
                      @RequestParam(required = false) String callId,
                      @RequestParam(required = false) String incidentId,
                      @RequestParam(required = false) String kui,
                      @RequestParam(required = false) Boolean orphan,
                      @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        RecordingQuery query = new RecordingQuery(instant(from, "from"), instant(to, "to"), blankToNull(number),
                blankToNull(operator), blankToNull(callId), blankToNull(incidentId), orphan,
                size == null ? props.pageSize() : size, blankToNull(cursor));
        RecordingPage page = archive.search(auth.getName(), request(header, param), query, blankToNull(kui));
        java.util.Map<String, String> kuiNumbers = archive.kuiNumbers(page);
        return new SearchPage(page.items().stream().map(r -> RecordingView.of(r, kuiNumbers)).toList(), page.next());
    }

    @GetMapping("/recordings/{id}/audio")
    void audio(Authentication auth, @PathVariable UUID id,
               @RequestHeader(name = REQUEST_HEADER, required = false) String header,
               @RequestParam(name = "request", required = false) String param,
               @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
               HttpServletResponse response) throws IOException {
        try (RecordingContent content = archive.open(auth.getName(), request(header, param), id, range)) {
            response.setStatus(content.partial() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
            if (content.partial()) {
                response.setHeader(HttpHeaders.CONTENT_RANGE, content.range().contentRange());
            }
            response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(content.contentType());
            response.setContentLengthLong(content.range().length());
            copy(content.stream(), response);
        }
    }

    @GetMapping("/recordings/{id}/manifest")
    DownloadManifest manifest(Authentication auth, @PathVariable UUID id,
                              @RequestHeader(name = REQUEST_HEADER, required = false) String header,
                              @RequestParam(name = "request", required = false) String param) throws IOException {
        return archive.manifest(auth.getName(), request(header, param), id, "manifest");
    }

    /**
     * The whole file as an attachment. Its SHA-256 (the archive file's name too) comes in
     * {@code X-Content-SHA256} (hex) and {@code Repr-Digest} (RFC 9530); the JSON manifest is
     * at {@code /manifest}.
     */
    @GetMapping("/recordings/{id}/download")
    void download(Authentication auth, @PathVariable UUID id,
                  @RequestHeader(name = REQUEST_HEADER, required = false) String header,
                  @RequestParam(name = "request", required = false) String param,
                  HttpServletResponse response) throws IOException {
        String requestId = request(header, param);
        DownloadManifest m = archive.manifest(auth.getName(), requestId, id, "download");
        try (RecordingContent content = archive.openForDownload(auth.getName(), requestId, id)) {
            response.setStatus(HttpStatus.OK.value());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(m.fileName()).build().toString());
            response.setHeader("X-Content-SHA256", m.sha256());
            response.setHeader("Repr-Digest",
                    "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.sha256())) + ":");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(m.contentType());
            response.setContentLengthLong(content.range().length());
            copy(content.stream(), response);
        }
    }

    private static void copy(InputStream in, HttpServletResponse response) throws IOException {
        try (OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static String request(String header, String param) {
        return header != null && !header.isBlank() ? header : param;
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' must be an ISO-8601 instant like 2026-01-31T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
