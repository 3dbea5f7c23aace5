package kz.line102.callcenter.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may sit on a commission (items 16–23), checked when it is created, when its composition
 * changes and when a case is opened before it. Every member (the chair and the secretary among
 * them) is an enabled account linked to an employee file with a post held today, so their post
 * is known; by default at least one is a personnel officer (role PERSONNEL) and one heads a
 * division (a current posting marked head). Before a case: the employee being certified is not
 * a member, and no member's current post ranks below the employee's. Each breach is a problem
 * with its own code naming whom; the caller audits and logs it.
 */
@Component
class CommissionComposition {

    private final JdbcCommissionRepository repo;
    private final JdbcMeetingRepository meetings;
    private final CertificationProperties props;

    CommissionComposition(JdbcCommissionRepository repo, JdbcMeetingRepository meetings, CertificationProperties props) {
        this.repo = repo;
        this.meetings = meetings;
        this.props = props;
    }

    /** Refuses (400) a composition whose members are not all known officers, or which lacks the roles required. */
    void members(List<String> members, LocalDate today) {
        List<JdbcCommissionRepository.Member> all = repo.members(members, today);
        refuse(all, m -> !m.account(), ProblemCodes.MEMBER_WITHOUT_ACCOUNT, "no user account");
        refuse(all, m -> !m.enabled(), ProblemCodes.MEMBER_ACCOUNT_DISABLED, "a disabled account");
        refuse(all, m -> m.employeeId() == null, ProblemCodes.MEMBER_WITHOUT_FILE, "an account linked to no employee file");
        refuse(all, m -> m.post() == null, ProblemCodes.MEMBER_WITHOUT_POST, "no post held on " + today);
        if (props.commission().personnelOfficerRequired()
                && all.stream().noneMatch(JdbcCommissionRepository.Member::personnel)) {
            throw CertificationProblem.invalid(ProblemCodes.NO_PERSONNEL_OFFICER, "a commission includes a personnel"
                    + " officer (an account with role PERSONNEL); none of " + members + " is one");
        }
        if (props.commission().headRequired() && all.stream().noneMatch(m -> m.post().head())) {
            throw CertificationProblem.invalid(ProblemCodes.NO_HEAD_OF_DIVISION, "a commission includes a head of a"
                    + " division (a current posting marked head); none of " + members + " holds one");
        }
    }

    /**
     * Refuses (409) the commission for the employee's case: the employee is one of its members, or
     * a member's current post ranks below the employee's (a member with no current post ranks below
     * anyone).
     */
    void forCase(Commission commission, long employeeId, Long caseId, LocalDate today) {
        String where = caseId == null ? "" : " (case " + caseId + ")";
        Optional<String> account = meetings.accountOf(employeeId);
        if (account.isPresent() && commission.members().contains(account.get())) {
            throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.CERTIFIED_ON_COMMISSION, account.get()
                    + " is the employee being certified" + where + " and cannot sit on commission '" + commission.name()
                    + "' (item 17)", List.of(account.get()));
        }
        int rank = repo.postOf(employeeId, today).map(JdbcCommissionRepository.Post::rank).orElse(Integer.MIN_VALUE);
        List<String> lower = repo.members(commission.members(), today).stream()
                .filter(m -> m.post() == null || m.post().rank() < rank)
                .map(m -> m.username() + " (" + (m.post() == null ? "no current post" : "rank " + m.post().rank()) + ")")
                .toList();
        if (!lower.isEmpty()) {
            String names = String.join(", ", lower);
            throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.MEMBER_OUTRANKED, "the members of commission '"
                    + commission.name() + "' hold the same post as or a higher one than employee " + employeeId + where
                    + " (rank " + rank + "); below it: " + names, List.of(names, rank));
        }
    }

    /**
     * Refuses (409) {@code higher} above {@code lower} when its chair's current post ranks below
     * the lower one's chair's: commissions are higher and lower as their heads are.
     */
    void above(Commission higher, Commission lower, LocalDate today) {
        int h = rankOf(higher.chair(), today);
        int l = rankOf(lower.chair(), today);
        if (h < l) {
            throw new CertificationProblem(HttpStatus.CONFLICT, ProblemCodes.HIGHER_COMMISSION_OUTRANKED, "commission '"
                    + higher.name() + "' (chair " + higher.chair() + ", rank " + h + ") cannot stand above commission '"
                    + lower.name() + "' (chair " + lower.chair() + ", rank " + l + ")",
                    List.of(higher.name(), h, lower.name(), l));
        }
    }

    private int rankOf(String username, LocalDate today) {
        return repo.members(List.of(username), today).stream().map(JdbcCommissionRepository.Member::post)
                .filter(java.util.Objects::nonNull).mapToInt(JdbcCommissionRepository.Post::rank).findFirst()
                .orElse(Integer.MIN_VALUE);
    }

    private static void refuse(List<JdbcCommissionRepository.Member> all, Predicate<JdbcCommissionRepository.Member> bad,
                               String code, String what) {
        List<String> names = all.stream().filter(bad).map(JdbcCommissionRepository.Member::username).toList();
        if (!names.isEmpty()) {
            throw new CertificationProblem(HttpStatus.BAD_REQUEST, code, "every member is an officer the centre knows;"
                    + " with " + what + ": " + names, List.of(String.join(", ", names)));
        }
    }
}
