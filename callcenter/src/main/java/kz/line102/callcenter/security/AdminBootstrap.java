package kz.line102.callcenter.security;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from {@code LINE102_CALLCENTER_SECURITY_BOOTSTRAP_ADMIN_USERNAME}
 * and {@code ..._PASSWORD}, and only while no enabled administrator exists: there is no
 * built-in password, and leaving the variables set later changes nothing.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final SecurityProperties props;
    private final JdbcUserRepository users;
    private final UserService service;

    AdminBootstrap(SecurityProperties props, JdbcUserRepository users, UserService service) {
        this.props = props;
        this.users = users;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.enabledAdmins() > 0) {
            return;
        }
        SecurityProperties.BootstrapAdmin admin = props.bootstrapAdmin();
        if (!admin.given()) {
            log.warn("no enabled administrator exists: set LINE102_CALLCENTER_SECURITY_BOOTSTRAP_ADMIN_USERNAME "
                    + "and LINE102_CALLCENTER_SECURITY_BOOTSTRAP_ADMIN_PASSWORD and restart to create one");
            return;
        }
        service.create(admin.username(), "Administrator", admin.password(), EnumSet.of(Role.ADMIN));
        log.warn("created the first administrator '{}' from the environment; remove the password variable now",
                admin.username());
    }
}
