package kz.line102.callcenter.certification;

import java.time.LocalDate;

/**
 * When an employee is due, and why.
 *
 * @param status      {@code upcoming}, {@code due} (within the window), {@code overdue}
 *                    (past the latest day), {@code exempt} or {@code not-applicable}
 * @param dueOn       the earliest day it may be held (null when exempt or not applicable)
 * @param latestOn    the last day it may be held
 * @param reason      a stable code: {@code regular}, {@code new-post}, {@code recertification},
 *                    {@code graduate-floor}, {@code secondment-floor}, {@code head-or-deputy},
 *                    {@code long-service}, {@code studying}, {@code seconded}, {@code not-in-service}
 * @param serviceFrom the first day of the continuous service counted
 * @param exemptFrom  the day the long-service exemption applies (20 years), null if not reached
 */
public record Due(Status status, LocalDate dueOn, LocalDate latestOn, String reason, LocalDate serviceFrom,
                  LocalDate exemptFrom) {

    public enum Status {
        UPCOMING, DUE, OVERDUE, EXEMPT, NOT_APPLICABLE
    }

    static Due none(Status status, String reason, LocalDate serviceFrom, LocalDate exemptFrom) {
        return new Due(status, null, null, reason, serviceFrom, exemptFrom);
    }
}
