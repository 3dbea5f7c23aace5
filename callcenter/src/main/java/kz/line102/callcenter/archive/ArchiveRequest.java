package kz.line102.callcenter.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The legal basis an auditor works under: the request of an investigator, prosecutor,
 * court or lawyer, recorded before the first access of a sitting.
 */
record ArchiveRequest(UUID id, String auditor, String requestingBody, String documentNumber,
                      LocalDate documentDate, String reason, Instant createdAt) {

    /** What the recorder's access log keeps as the legal basis. */
    String legalBasis() {
        return requestingBody + ", " + documentNumber + " of " + documentDate + ": " + reason;
    }
}
