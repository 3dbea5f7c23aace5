package kz.line102.callcenter.certification;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserAccount;
import kz.line102.callcenter.security.UserService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Commissions the composition rules allow, for the tests: each member an officer the centre
 * knows (an enabled account linked to an employee file with a senior post held today), the chair
 * a head of a division, the secretary a personnel officer. Accounts and files a test made
 * already are kept; what a member lacks is added.
 */
public final class CommissionFixture {

    /** Above any post the tests certify (theirs are rank 0 unless a test says otherwise). */
    public static final int SENIOR = 100;

    private final EmployeeService employees;
    private final UserService users;
    private final OwnFileService files;
    private final JdbcTemplate jdbc;

    public CommissionFixture(ApplicationContext context) {
        this.employees = context.getBean(EmployeeService.class);
        this.users = context.getBean(UserService.class);
        this.files = context.getBean(OwnFileService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    public Commission create(String name, String chair, String secretary, List<String> members, String by) {
        for (String m : members) {
            officer(m, SENIOR, m.equals(chair), m.equals(secretary));
        }
        return employees.createCommission(name, chair, secretary, members, by);
    }

    /**
     * The account (made with role SUPERVISOR if missing; PERSONNEL added for a personnel officer)
     * linked to an employee file whose post held today has the rank given.
     */
    public String officer(String username, int rank, boolean head, boolean personnel) {
        Set<Role> roles = EnumSet.of(personnel ? Role.PERSONNEL : Role.SUPERVISOR);
        if (users.all().stream().noneMatch(u -> u.username().equals(username))) {
            Api.user(users, username, roles.iterator().next());
        } else if (personnel && !users.get(username).has(Role.PERSONNEL)) {
            UserAccount now = users.get(username);
            Set<Role> more = EnumSet.copyOf(now.roles());
            more.add(Role.PERSONNEL);
            users.change(username, new UserService.UserChange(null, more, null, null));
        }
        List<Long> linked = jdbc.queryForList("select id from certification_employees where username = ?", Long.class,
                username);
        List<Posting> post = List.of(new Posting(Posting.Kind.POST, employees.today().minusYears(5), null,
                head ? "начальник отдела" : "старший инспектор", rank, false, head, false));
        if (linked.isEmpty()) {
            String no = "OF-" + (username.length() <= 36 ? username : Integer.toHexString(username.hashCode()));
            long id = employees.create(no, "Офицер " + username, post, "fixture").id();
            files.link(id, username, "fixture");
        } else {
            employees.replaceHistory(linked.get(0), post, "fixture");
        }
        return username;
    }
}
