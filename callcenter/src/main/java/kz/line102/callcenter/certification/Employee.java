package kz.line102.callcenter.certification;

import java.time.LocalDate;

/**
 * An employee as listed: who, when due as last computed (see {@link DueRules}), and the
 * meeting of the approved six-monthly list that covers it, if any.
 */
public record Employee(long id, String personnelNo, String fullName, int version, String dueStatus, LocalDate dueOn,
                       LocalDate latestOn, String dueReason, LocalDate meetingOn) {
}
