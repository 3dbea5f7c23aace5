package kz.line102.callcenter.archive;

import java.util.List;
import java.util.UUID;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.recorder.RecordingService;
import kz.line102.recorder.retention.LegalHold;
import kz.line102.recorder.retention.PurgeReport;
import kz.line102.recorder.retention.RetentionPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the archive keeps and why: retention policies and the next purge (a dry run),
 * legal holds placed and lifted by auditors with a reason and a reference, and the
 * audit log, which auditors and administrators read and nobody changes. Placing and
 * lifting a hold is itself written to the audit log.
 */
@RestController
@RequestMapping("/api/v1/archive")
class RetentionController {

    private static final int MAX_ENTRIES = 1000;

    private final RecordingService recordings;
    private final ArchiveAuditLog audit;

    RetentionController(RecordingService recordings, ArchiveAuditLog audit) {
        this.recordings = recordings;
        this.audit = audit;
    }

    record HoldChange(String reason, String reference) {
    }

    @GetMapping("/retention/policies")
    List<RetentionPolicy> policies() {
        return recordings.policies();
    }

    /** What the next purge would delete, deleting nothing. */
    @GetMapping("/retention/preview")
    PurgeReport preview() {
        return recordings.previewPurge();
    }

    @GetMapping("/recordings/{id}/holds")
    List<LegalHold> holds(@PathVariable UUID id) {
        return recordings.holds(id);
    }

    @PostMapping("/recordings/{id}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    LegalHold place(Authentication auth, @PathVariable UUID id, @RequestBody HoldChange body) {
        HoldChange change = checked(body);
        LegalHold hold = recordings.placeHold(id, change.reason(), change.reference(), auth.getName());
        audit.append(auth.getName(), "hold-placed", id, null, change.reference() + ": " + change.reason());
        return hold;
    }

    @PostMapping("/holds/{holdId}/lift")
    LegalHold lift(Authentication auth, @PathVariable UUID holdId, @RequestBody HoldChange body) {
        HoldChange change = checked(body);
        LegalHold hold = recordings.liftHold(holdId, change.reason(), change.reference(), auth.getName());
        audit.append(auth.getName(), "hold-lifted", hold.recordingId(), null,
                change.reference() + ": " + change.reason());
        return hold;
    }

    @GetMapping("/audit-log")
    List<ArchiveAuditLog.Entry> auditLog(@RequestParam(defaultValue = "1") long fromId,
                                         @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_ENTRIES) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_ENTRIES);
        }
        return audit.read(fromId, limit);
    }

    /** Re-hashes the chain from {@code fromId}: a changed or removed entry shows where. */
    @GetMapping("/audit-log/verification")
    ArchiveAuditLog.Verification verify(@RequestParam(defaultValue = "1") long fromId) {
        return audit.verify(fromId);
    }

    private static HoldChange checked(HoldChange body) {
        if (body == null || body.reason() == null || body.reason().isBlank() || body.reference() == null
                || body.reference().isBlank()) {
            throw new InvalidRequestException("a legal hold needs a 'reason' and a 'reference' (the document it serves)");
        }
        return body;
    }
}
