package kz.line102.callcenter.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An application to observe a commission's meeting (item 26), as decided when it came:
 * {@code ADMITTED} to a seat, or {@code REFUSED} with the problem code saying why.
 */
public record Observer(long id, long commissionId, LocalDate meetingOn, String fullName, String identityDocument,
                       String capacity, String organisation, Instant appliedAt, String recordedBy, String status,
                       Integer seat, String refusal) {
}
