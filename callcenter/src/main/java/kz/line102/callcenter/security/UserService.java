package kz.line102.callcenter.security;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing users; the checks that keep the user table sane live here. */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    static final int MIN_PASSWORD_CHARS = 12;
    // bcrypt reads at most 72 bytes; a longer password would be silently truncated.
    static final int MAX_PASSWORD_BYTES = 72;

    private final JdbcUserRepository users;
    private final PasswordEncoder encoder;

    UserService(JdbcUserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    /** A change to a user; null members are left as they are. */
    public record UserChange(String displayName, Set<Role> roles, Boolean enabled, String password) {
    }

    public List<UserAccount> all() {
        return users.all();
    }

    public UserAccount get(String username) {
        return users.find(username).orElseThrow(() -> new NoSuchUserException(username));
    }

    @Transactional
    public UserAccount create(String username, String displayName, String password, Set<Role> roles) {
        return create(username, displayName, password, roles, false);
    }

    @Transactional
    UserAccount create(String username, String displayName, String password, Set<Role> roles, boolean demo) {
        String name = checkUsername(username);
        String shown = checkDisplayName(displayName == null || displayName.isBlank() ? name : displayName);
        Set<Role> r = checkRoles(roles);
        checkPassword(password);
        if (!users.insert(name, shown, encoder.encode(password), r, demo)) {
            throw new ConflictException("user-exists", "a user named '" + name + "' already exists");
        }
        log.info("user {} created with roles {}{}", name, r, demo ? " (demo)" : "");
        return get(name);
    }

    @Transactional
    public UserAccount change(String username, UserChange change) {
        users.lockAdmins();
        UserAccount now = get(username);
        String shown = change.displayName() == null ? now.displayName() : checkDisplayName(change.displayName());
        Set<Role> roles = change.roles() == null ? now.roles() : checkRoles(change.roles());
        boolean enabled = change.enabled() == null ? now.enabled() : change.enabled();
        users.update(username, shown, roles, enabled);
        if (change.password() != null) {
            checkPassword(change.password());
            users.updatePassword(username, encoder.encode(change.password()));
        }
        if (users.enabledAdmins() == 0) {
            // Rolled back by the exception: nobody could then manage users any more.
            throw new ConflictException("last-admin", "this change would leave no enabled administrator");
        }
        log.info("user {} changed: roles {}, enabled {}{}", username, roles, enabled,
                change.password() == null ? "" : ", password set");
        return get(username);
    }

    static String checkUsername(String username) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            throw new InvalidRequestException("username must be 2 to 63 characters: lower-case latin letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static String checkDisplayName(String displayName) {
        String shown = displayName.strip();
        if (shown.isEmpty() || shown.length() > 200 || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("displayName must be 1 to 200 characters without control characters");
        }
        return shown;
    }

    private static Set<Role> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidRequestException("a user needs at least one role: " + List.of(Role.values()));
        }
        return EnumSet.copyOf(roles);
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            throw new InvalidRequestException("password must have at least " + MIN_PASSWORD_CHARS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidRequestException("password must fit in " + MAX_PASSWORD_BYTES + " bytes of UTF-8");
        }
    }
}
