package kz.line102.callcenter.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One certification of one employee before one commission, open until its decision; its
 * meeting (from the approved list, or set for it) is what its calendar counts from; a
 * decision cancelled by a higher commission no longer stands ({@code cancelledOn}).
 */
public record CertificationCase(long id, long employeeId, long commissionId, boolean recertification, LocalDate dueOn,
                                Instant openedAt, String openedBy, LocalDate decidedOn, String outcome,
                                LocalDate meetingOn, LocalDate cancelledOn) {

    boolean open() {
        return decidedOn == null;
    }
}
