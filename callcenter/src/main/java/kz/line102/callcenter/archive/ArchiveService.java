package kz.line102.callcenter.archive;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.recorder.NoSuchRecordingException;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.Upload;
import kz.line102.recorder.access.AccessRequest;
import kz.line102.recorder.access.DownloadManifest;
import kz.line102.recorder.access.RecordingContent;
import kz.line102.recorder.catalog.RecordingPage;
import kz.line102.recorder.catalog.RecordingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What auditors do with the archive. Every call names the legal-basis request it serves;
 * every search, play and download is written to {@code audit_log} before it is answered
 * (the recorder also writes plays and downloads to its {@code recording_access_log}).
 */
@Service
class ArchiveService {

    private static final Logger log = LoggerFactory.getLogger(ArchiveService.class);
    private final RecordingService recordings;
    private final JdbcArchiveRequestRepository requests;
    private final ArchiveAuditLog audit;
    private final ArchiveProperties props;
    private final Clock clock;
    private final KuiNumbers kuiNumbers;

    ArchiveService(RecordingService recordings, JdbcArchiveRequestRepository requests, ArchiveAuditLog audit,
                   ArchiveProperties props, Clock clock, KuiNumbers kuiNumbers) {
        this.kuiNumbers = kuiNumbers;
        this.recordings = recordings;
        this.requests = requests;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    ArchiveRequest record(String auditor, String requestingBody, String documentNumber, LocalDate documentDate,
                          String reason) {
        ArchiveRequest r = new ArchiveRequest(UUID.randomUUID(), auditor, text(requestingBody, "requestingBody"),
                text(documentNumber, "documentNumber"), required(documentDate), text(reason, "reason"),
                clock.instant());
        requests.insert(r);
        audit.append(auditor, "request", null, r.id(), r.legalBasis());
        return r;
    }

    RecordingPage search(String auditor, String requestId, RecordingQuery query) {
        return search(auditor, requestId, query, null);
    }

    /**
     * A search, by the card's KUI number too ({@code kui} null: any card): the recordings
     * linked to the card registered under it. A number no card has finds nothing.
     */
    RecordingPage search(String auditor, String requestId, RecordingQuery query, String kui) {
        ArchiveRequest r = valid(auditor, requestId);
        audit.append(auditor, "search", null, r.id(), kui == null ? query.toString() : "kui=" + kui + " " + query);
        if (kui == null) {
            return recordings.searchCalls(query);
        }
        java.util.Optional<String> card = kuiNumbers.incidentOf(kui);
        if (card.isEmpty() || query.incidentId() != null && !query.incidentId().equals(card.get())) {
            return new RecordingPage(java.util.List.of(), null);
        }
        return recordings.searchCalls(query.incidentId(card.get()));
    }

    /** The KUI numbers of the cards the recordings are linked to, by card id. */
    java.util.Map<String, String> kuiNumbers(RecordingPage page) {
        return kuiNumbers.of(page.items().stream().map(kz.line102.recorder.Recording::incidentId)
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    RecordingContent open(String auditor, String requestId, UUID recording, String range) throws IOException {
        ArchiveRequest r = valid(auditor, requestId);
        callRecording(auditor, r, recording);
        audit.append(auditor, "stream", recording, r.id(), range == null ? "whole" : range);
        return recordings.open(recording, range, access(auditor, r));
    }

    DownloadManifest manifest(String auditor, String requestId, UUID recording, String action) throws IOException {
        ArchiveRequest r = valid(auditor, requestId);
        callRecording(auditor, r, recording);
        audit.append(auditor, action, recording, r.id(), action);
        return recordings.manifest(recording, access(auditor, r));
    }

    /** For a download: the manifest was logged as the download; the bytes are opened without a second entry. */
    RecordingContent openForDownload(String auditor, String requestId, UUID recording) throws IOException {
        ArchiveRequest r = valid(auditor, requestId);
        callRecording(auditor, r, recording);
        return recordings.open(recording, null, access(auditor, r));
    }

    /**
     * The call archive opens calls' recordings only: one a feature uploaded (a certification
     * interview, the personnel service's alone) is answered as unknown, and the try is audited.
     */
    private void callRecording(String auditor, ArchiveRequest r, UUID recording) {
        recordings.find(recording).filter(found -> Upload.isUploadOwner(found.callId()))
                .ifPresent(upload -> {
                    audit.append(auditor, "refused", recording, r.id(), "not a call's recording");
                    log.warn("recordingId={} user={} refused: not a call's recording (filed under its feature)",
                            recording, auditor);
                    throw new NoSuchRecordingException(recording);
                });
    }

    private static AccessRequest access(String auditor, ArchiveRequest r) {
        return new AccessRequest(auditor, r.legalBasis(), r.id().toString());
    }

    /** The request this auditor recorded within the current sitting, or a 428. */
    private ArchiveRequest valid(String auditor, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            throw new ArchiveRequestRequiredException(ProblemCodes.ARCHIVE_REQUEST_REQUIRED,
                    "record the request you serve (POST /api/v1/archive/requests) and send its id"
                            + " in X-Archive-Request");
        }
        UUID id;
        try {
            id = UUID.fromString(requestId.trim());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        return requests.find(id)
                .filter(r -> r.auditor().equals(auditor))
                .filter(r -> r.createdAt().plus(props.requestValidFor()).isAfter(clock.instant()))
                .orElseThrow(ArchiveService::invalid);
    }

    private static ArchiveRequestRequiredException invalid() {
        // One answer for unknown, foreign and expired: it tells nothing about others' requests.
        return new ArchiveRequestRequiredException(ProblemCodes.ARCHIVE_REQUEST_INVALID,
                "the archive request is unknown, not yours, or older than this sitting: record a new one");
    }

    private static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name + " is required");
        }
        if (value.length() > 2000) {
            throw new InvalidRequestException(name + " is longer than 2000 characters");
        }
        return value.strip();
    }

    private static LocalDate required(LocalDate date) {
        if (date == null) {
            throw new InvalidRequestException("documentDate is required");
        }
        return date;
    }
}
