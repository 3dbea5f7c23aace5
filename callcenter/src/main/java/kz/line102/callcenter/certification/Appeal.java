package kz.line102.callcenter.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An appeal of a commission's decision (item 23), filed within the month; decided by a
 * higher commission: {@code UPHELD} (the decision stands) or {@code CANCELLED}.
 */
public record Appeal(long id, long caseId, LocalDate filedOn, String grounds, String recordedBy, Instant recordedAt,
                     String outcome, Long commissionId, LocalDate decidedOn, String decidedBy, String reason) {
}
