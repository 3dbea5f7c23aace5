package kz.line102.callcenter.certification;

import java.time.LocalDate;

/** An employee as listed: who, and when due as last computed (see {@link DueRules}). */
public record Employee(long id, String personnelNo, String fullName, int version, String dueStatus, LocalDate dueOn,
                       LocalDate latestOn, String dueReason) {
}
