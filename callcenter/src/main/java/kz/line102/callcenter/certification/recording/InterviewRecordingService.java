package kz.line102.callcenter.certification.recording;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.line102.callcenter.app.JdbcAuditTrail;
import kz.line102.callcenter.archive.ArchiveAuditLog;
import kz.line102.callcenter.certification.ProblemCodes;
import kz.line102.recorder.Recording;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.UnsupportedMediaException;
import kz.line102.recorder.Upload;
import kz.line102.recorder.UploadTooLargeException;
import kz.line102.recorder.access.AccessRequest;
import kz.line102.recorder.access.DownloadManifest;
import kz.line102.recorder.access.RecordingContent;
import kz.line102.recorder.ingest.IngestJob;
import kz.line102.recorder.ingest.IngestState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the personnel service does with interview recordings. Every upload, listing, play
 * and download is written to the hash-chained {@code audit_log} before it is answered (the
 * recorder also logs plays and downloads in {@code recording_access_log}, with the case as
 * the legal basis); uploads are also in the certification audit.
 */
class InterviewRecordingService {

    private static final Logger log = LoggerFactory.getLogger(InterviewRecordingService.class);
    /** What interview recordings are filed under in the recorder: the case, never a call. */
    static final String OWNER_PREFIX = "certification-case/";
    private static final int LIST_LIMIT = 200;
    /** A recording may be uploaded some time after the interview, never dated in the future. */
    private static final Duration CLOCK_LEEWAY = Duration.ofMinutes(5);

    private final RecordingService recordings;
    private final ArchiveAuditLog audit;
    private final JdbcAuditTrail certificationAudit;
    private final JdbcTemplate jdbc;
    private final InterviewRecordingProperties props;
    private final Clock clock;

    InterviewRecordingService(RecordingService recordings, ArchiveAuditLog audit, JdbcTemplate jdbc, JsonMapper json,
                              InterviewRecordingProperties props, Clock clock) {
        this.recordings = recordings;
        this.audit = audit;
        this.certificationAudit = new JdbcAuditTrail(jdbc, json, "certification_audit");
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    /**
     * One recording of a case: archived ({@code recording} set), on its way, or refused by the
     * recorder. {@code contentType} is the archived file's ({@code audio/ogg}, {@code video/mp4},
     * {@code video/webm}): what the page plays it in.
     */
    record View(UUID id, String state, String uploadedBy, Instant recordedAt, String sourceFormat,
                String errorCode, Long sizeBytes, Long durationMs, String sha256, String retentionClass,
                Instant ingestedAt, Instant expiresAt, String contentType) {
    }

    static String owner(long caseId) {
        return OWNER_PREFIX + caseId;
    }

    /** The size past which an upload is refused. */
    long maxBytes() {
        return props.maxBytes().toBytes();
    }

    /** The case must exist before a byte is read: a 404 for an unknown one. */
    void requireCase(long caseId) {
        Integer found = jdbc.query("select 1 from certification_cases where id = ?",
                rs -> rs.next() ? 1 : null, caseId);
        if (found == null) {
            throw new InterviewRecordingProblem(HttpStatus.NOT_FOUND, "no-such-case", "no case " + caseId,
                    List.of(caseId));
        }
    }

    /**
     * Takes the recording of the case's interview, sound or video (the regulation has the
     * interview recorded with its picture), and returns its job (the recording's id).
     * Refused without a trace in the archive: over the size limit (413), not audio, or a video
     * in a format not kept as it is (415), dated in the future (400).
     */
    View upload(long caseId, String fileName, Instant recordedAt, InputStream body, long declaredLength,
                String user) throws IOException {
        requireCase(caseId);
        Instant now = clock.instant();
        if (declaredLength > maxBytes()) {
            throw tooLarge(caseId, user, declaredLength);
        }
        Instant at = recordedAt == null ? now : recordedAt;
        if (at.isAfter(now.plus(CLOCK_LEEWAY))) {
            log.info("interview recording of case {} by {} refused: recorded at {} is in the future", caseId, user, at);
            throw new InterviewRecordingProblem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_REQUEST,
                    "recordedAt " + at + " is in the future", List.of());
        }
        UUID id;
        try {
            id = recordings.upload(new Upload(owner(caseId), fileName, at, user, props.retentionClass(), maxBytes(),
                    true), body);
        } catch (UploadTooLargeException e) {
            throw tooLarge(caseId, user, -1);
        } catch (UnsupportedMediaException e) {
            boolean video = UnsupportedMediaException.VIDEO_FORMAT.equals(e.code())
                    || UnsupportedMediaException.VIDEO.equals(e.code());
            log.info("interview recording {} of case {} by {} refused: {}", fileName, caseId, user, e.getMessage());
            audit.append(user, "interview-upload-refused", null, null, "certification case " + caseId + ": "
                    + e.code());
            throw new InterviewRecordingProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    video ? ProblemCodes.INTERVIEW_RECORDING_VIDEO : ProblemCodes.INTERVIEW_RECORDING_UNREADABLE,
                    e.getMessage(), List.of());
        }
        audit.append(user, "interview-upload", id, null, "certification case " + caseId + ": " + fileName);
        certificationAudit.append(user, "interview-recording-uploaded", null,
                Map.of("case", caseId, "recording", id.toString(), "file", String.valueOf(fileName)));
        log.info("interview recording {} of case {} uploaded by {} as {}", fileName, caseId, user, id);
        return view(recordings.ingestJob(id).orElseThrow());
    }

    /** The case's recordings, oldest first; the listing itself is audited. */
    List<View> list(long caseId, String user) {
        requireCase(caseId);
        audit.append(user, "interview-list", null, null, "certification case " + caseId);
        return recordings.ingestJobs(owner(caseId), LIST_LIMIT).stream().map(this::view).toList();
    }

    RecordingContent open(UUID id, String range, String user) throws IOException {
        audit.append(user, "interview-stream", id, null, range == null ? "whole" : range);
        Recording r = interview(id);
        return recordings.open(id, range, access(user, r));
    }

    DownloadManifest manifest(UUID id, String user) throws IOException {
        audit.append(user, "interview-download", id, null, "download");
        Recording r = interview(id);
        return recordings.manifest(id, access(user, r));
    }

    /** For a download: the manifest was logged as the download; the bytes are opened without a second entry. */
    RecordingContent openForDownload(UUID id, String user) throws IOException {
        Recording r = interview(id);
        return recordings.open(id, null, access(user, r));
    }

    private static AccessRequest access(String user, Recording r) {
        return new AccessRequest(user, "personnel service: interview of " + r.callId(), r.callId());
    }

    /** An archived interview recording; a call's recording is not one (the same 404: it tells nothing). */
    private Recording interview(UUID id) {
        Optional<Recording> r = recordings.find(id).filter(x -> x.callId().startsWith(OWNER_PREFIX));
        return r.orElseThrow(() -> new InterviewRecordingProblem(HttpStatus.NOT_FOUND,
                ProblemCodes.NO_SUCH_INTERVIEW_RECORDING, "no interview recording " + id, List.of()));
    }

    private View view(IngestJob job) {
        Optional<Recording> r = job.state() == IngestState.DONE || job.state() == IngestState.ARCHIVED
                ? recordings.find(job.id()) : Optional.empty();
        String source = job.sourceName();
        String format = source.contains(".") ? source.substring(source.lastIndexOf('.') + 1) : null;
        return new View(job.id(), job.state().name(), job.operator(), job.callAt(), format, job.errorCode(),
                r.map(Recording::sizeBytes).orElse(null),
                r.map(x -> x.duration() == null ? null : x.duration().toMillis()).orElse(null),
                r.map(Recording::sha256).orElse(null), job.retentionClass(),
                r.map(Recording::ingestedAt).orElse(null), r.map(recordings::expiresAt).orElse(null),
                r.map(Recording::contentType).orElse(null));
    }

    private InterviewRecordingProblem tooLarge(long caseId, String user, long declared) {
        log.info("interview recording of case {} by {} refused: {} bytes over the limit of {}", caseId, user,
                declared < 0 ? "more than" : declared, maxBytes());
        audit.append(user, "interview-upload-refused", null, null, "certification case " + caseId
                + ": larger than " + maxBytes() + " bytes");
        return new InterviewRecordingProblem(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.INTERVIEW_RECORDING_TOO_LARGE,
                "the recording is larger than " + maxBytes() + " bytes", List.of(props.maxBytes().toMegabytes()));
    }
}
