package kz.line102.callcenter.certification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A six-monthly list of who is due (item 7): drawn by the personnel service, approved by the
 * head with the meeting dates, then never changed; a change is a later version superseding it.
 *
 * @param state        {@code DRAFT}, {@code APPROVED} or {@code SUPERSEDED} (by a later approved version)
 * @param employees    how many are on it
 * @param withoutDate  how many have no meeting date or commission yet
 */
public record CertificationList(long id, LocalDate periodFrom, LocalDate periodTo, int version, Long supersedes,
                                String drawnBy, Instant drawnAt, String approvedBy, Instant approvedAt,
                                Instant supersededAt, String state, long employees, long withoutDate) {

    static String state(Instant approvedAt, Instant supersededAt) {
        return supersededAt != null ? "SUPERSEDED" : approvedAt != null ? "APPROVED" : "DRAFT";
    }

    boolean approved() {
        return approvedAt != null;
    }
}
