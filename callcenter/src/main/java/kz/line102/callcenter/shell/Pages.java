package kz.line102.callcenter.shell;

import java.util.List;
import java.util.Set;

import kz.line102.callcenter.security.Role;

/**
 * Every page of the application, who may open it (the same roles as SecurityConfiguration's
 * table, checked by ShellPagesTest) and the bundle key of its name in the header. A new page
 * adds its line here; the first page of a role in {@link #LANDING} order is where it lands.
 */
public final class Pages {

    /** A page: its path, the bundle key of its name, the roles that may open it. */
    public record Page(String path, String titleKey, Set<Role> roles) {
    }

    public static final List<Page> ALL = List.of(
            new Page("/console", "common.page.console", Set.of(Role.OPERATOR)),
            new Page("/supervisor", "common.page.supervisor", Set.of(Role.SUPERVISOR)),
            new Page("/reports", "common.page.reports", Set.of(Role.SUPERVISOR)),
            new Page("/wallboard", "common.page.wallboard", Set.of(Role.SUPERVISOR, Role.ADMIN)),
            new Page("/stats", "common.page.stats", Set.of(Role.SUPERVISOR, Role.ADMIN)),
            new Page("/line-health", "common.page.lineHealth", Set.of(Role.SUPERVISOR, Role.ADMIN)),
            new Page("/watch", "common.page.watch", Set.of(Role.SUPERVISOR)),
            new Page("/certification", "common.page.certification", Set.of(Role.SUPERVISOR, Role.PERSONNEL)),
            // Everyone who is a person may be an employee with a certification file of their own.
            new Page("/certification/mine", "common.page.myCertification",
                    Set.of(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN, Role.PERSONNEL)),
            new Page("/archive", "common.page.archive", Set.of(Role.AUDITOR)),
            new Page("/admin", "common.page.admin", Set.of(Role.ADMIN)),
            new Page("/routing", "common.page.routing", Set.of(Role.ADMIN)),
            new Page("/admin/users", "common.page.users", Set.of(Role.ADMIN)),
            new Page("/admin/workstations", "common.page.workstations", Set.of(Role.ADMIN)),
            new Page("/admin/units", "common.page.units", Set.of(Role.ADMIN)),
            new Page("/admin/registry", "common.page.registry", Set.of(Role.ADMIN)),
            new Page("/admin/dead-letters", "common.page.deadLetters", Set.of(Role.ADMIN)),
            new Page("/admin/preflight", "common.page.preflight", Set.of(Role.ADMIN)));

    /** Where a role lands after sign-in, most specific desk first. */
    static final List<Role> LANDING = List.of(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.PERSONNEL,
            Role.ADMIN);

    private Pages() {
    }

    public static List<Page> allowed(Set<Role> roles) {
        return ALL.stream().filter(p -> p.roles().stream().anyMatch(roles::contains)).toList();
    }

    /** The landing page of someone with {@code roles}, or null when no page is theirs (e.g. METRICS only). */
    static String landing(Set<Role> roles) {
        return LANDING.stream().filter(roles::contains).findFirst().map(r -> switch (r) {
            case OPERATOR -> "/console";
            case SUPERVISOR -> "/supervisor";
            case AUDITOR -> "/archive";
            case PERSONNEL -> "/certification";
            default -> "/admin";
        }).orElse(null);
    }
}
