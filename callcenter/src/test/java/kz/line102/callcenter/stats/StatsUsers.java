package kz.line102.callcenter.stats;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;

/** The statistics tests' supervisor, made once: a user change is refused while the test database has no administrator. */
final class StatsUsers {

    static final String SUPERVISOR = "stats-sup";

    private StatsUsers() {
    }

    static synchronized String supervisor(UserService users) {
        return users.all().stream().anyMatch(u -> u.username().equals(SUPERVISOR)) ? SUPERVISOR
                : Api.user(users, SUPERVISOR, Role.SUPERVISOR);
    }
}
