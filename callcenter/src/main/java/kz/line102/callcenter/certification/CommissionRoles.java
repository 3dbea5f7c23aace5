package kz.line102.callcenter.certification;

import org.springframework.stereotype.Component;

/**
 * Who may act in a case, by the case's commission (items 16–21): its members vote, its
 * secretary records the meeting, the chair's vote settles a tie; the employee being certified
 * never acts in their own case, whatever their roles. The URL table only says which roles may
 * try; these checks say who of them may. Each refusal is a 403 problem the caller audits and logs.
 */
@Component
class CommissionRoles {

    private final JdbcMeetingRepository meetings;
    private final EmployeeService employees;

    CommissionRoles(JdbcMeetingRepository meetings, EmployeeService employees) {
        this.meetings = meetings;
        this.employees = employees;
    }

    /** The composition the case was decided by, or the current one while it is open. */
    Commission commission(CertificationCase c) {
        return employees.commissionOf(c);
    }

    /** Refuses the employee of the case (item 17: never a member in their own certification). */
    void notOwnCase(CertificationCase c, String actor) {
        if (meetings.accountOf(c.employeeId()).filter(actor::equals).isPresent()) {
            throw CertificationProblem.forbidden(ProblemCodes.OWN_CASE, actor + " is the employee of case " + c.id()
                    + " and takes no part in it");
        }
    }

    /** The case's commission, the actor being one of its members (and not the employee). */
    Commission member(CertificationCase c, String actor) {
        notOwnCase(c, actor);
        return member(commission(c), actor);
    }

    /** The commission, the actor being one of its members. */
    Commission memberOf(long commissionId, String actor) {
        return member(employees.commission(commissionId), actor);
    }

    private static Commission member(Commission commission, String actor) {
        if (!commission.members().contains(actor)) {
            throw CertificationProblem.forbidden(ProblemCodes.NOT_ON_COMMISSION, actor + " is not a member of commission '"
                    + commission.name() + "'");
        }
        return commission;
    }

    /** The case's commission, the actor being its secretary (and not the employee). */
    Commission secretary(CertificationCase c, String actor) {
        Commission commission = member(c, actor);
        if (!actor.equals(commission.secretary())) {
            throw CertificationProblem.forbidden(ProblemCodes.NOT_THE_SECRETARY, "only the secretary of commission '"
                    + commission.name() + "' (" + commission.secretary() + ") records its meeting, not " + actor);
        }
        return commission;
    }
}
