package kz.line102.callcenter.certification.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.certification.ProblemCodes;
import kz.line102.recorder.access.DownloadManifest;
import kz.line102.recorder.access.RecordingContent;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interview recordings of a certification case, the personnel service's alone (the URL
 * table in {@code security}): {@code POST /cases/{id}/recordings?name=…[&recordedAt=…]}
 * with the file as the body (streamed to disk, never held in memory), the case's list,
 * and Range playback and download as the call archive serves them.
 */
@RestController
@RequestMapping("/api/v1/certification")
class InterviewRecordingController {

    private final InterviewRecordingService service;

    InterviewRecordingController(InterviewRecordingService service) {
        this.service = service;
    }

    @PostMapping("/cases/{id}/recordings")
    ResponseEntity<InterviewRecordingService.View> upload(Authentication auth, @PathVariable long id,
                                                          @RequestParam(required = false) String name,
                                                          @RequestParam(required = false) String recordedAt,
                                                          HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(service.upload(id, name, instant(recordedAt), body,
                    request.getContentLengthLong(), auth.getName()));
        }
    }

    @GetMapping("/cases/{id}/recordings")
    List<InterviewRecordingService.View> list(Authentication auth, @PathVariable long id) {
        return service.list(id, auth.getName());
    }

    @GetMapping("/recordings/{id}/audio")
    void audio(Authentication auth, @PathVariable UUID id,
               @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
               HttpServletResponse response) throws IOException {
        try (RecordingContent content = service.open(id, range, auth.getName())) {
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

    /** The whole file as an attachment, its SHA-256 in {@code X-Content-SHA256} and {@code Repr-Digest}. */
    @GetMapping("/recordings/{id}/download")
    void download(Authentication auth, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        DownloadManifest m = service.manifest(id, auth.getName());
        try (RecordingContent content = service.openForDownload(id, auth.getName())) {
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

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InterviewRecordingProblem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST,
                    "recordedAt must be an ISO-8601 instant like 2026-12-04T10:00:00Z", List.of());
        }
    }
}
