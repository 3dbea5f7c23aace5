package kz.line102.callcenter.certification;

import java.time.LocalDate;

/**
 * One employee on a list: the due date it was drawn with, the meeting and commission, and
 * (once approved) the written notice: the day it is due by and the day it was handed over.
 */
public record ListItem(long listId, long employeeId, String personnelNo, String fullName, LocalDate dueOn,
                       LocalDate latestOn, String dueReason, LocalDate meetingOn, Long commissionId,
                       LocalDate notifyBy, LocalDate notifiedOn) {
}
