package kz.line102.callcenter.security;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users, one per role, marked {@code demo} in the table and named
 * {@code demo-*}. Both the profile and the key must be on, so a stray key in a
 * production file seeds nothing.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "line102.callcenter.security.demo-users", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final String PASSWORD = "demo-password-102";

    private final JdbcUserRepository users;
    private final UserService service;

    DemoUsers(JdbcUserRepository users, UserService service) {
        this.users = users;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : EnumSet.of(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN, Role.PERSONNEL)) {
            String name = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
            if (users.find(name).isEmpty()) {
                service.create(name, "DEMO " + role.name(), PASSWORD, EnumSet.of(role), true);
                log.warn("DEMO user '{}' created with the published demo password: never use this profile in production",
                        name);
            }
        }
    }
}
