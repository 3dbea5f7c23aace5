package kz.line102.callcenter.security;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.ForbiddenException;
import kz.line102.callcenter.app.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Creating and changing users; the checks that keep the user table sane live here. */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    static final int MIN_PASSWORD_CHARS = 12;
    // bcrypt reads at most 72 bytes; a longer password would be silently truncated.
    static final int MAX_PASSWORD_BYTES = 72;

    /** Roles one administrator cannot give alone: a second one approves ({@link RoleGrants}). */
    static final Set<Role> FOUR_EYES = EnumSet.of(Role.AUDITOR);
    /** The actor of changes made by the system itself (bootstrap, demo users). */
    static final String SYSTEM = "system";

    private final JdbcUserRepository users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final AccountSessions sessions;

    UserService(JdbcUserRepository users, PasswordEncoder encoder, ApplicationEventPublisher events,
                AccountSessions sessions) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.sessions = sessions;
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

    /** The language {@code username} chose for the pages (ru, kk, en); empty while they chose none. */
    public java.util.Optional<String> language(String username) {
        return users.language(username);
    }

    /** Keeps {@code language} as the user's own, for every browser they sign in on; null forgets the choice. */
    public void chooseLanguage(String username, String language) {
        if (language != null && !kz.line102.callcenter.app.Languages.supported(language)) {
            throw new IllegalArgumentException("not a language of ours: " + language);
        }
        if (!users.saveLanguage(username, language)) {
            throw new NoSuchUserException(username);
        }
        log.info("user={} language {}", username, language == null ? "no longer chosen" : language);
    }

    @Transactional
    public UserAccount create(String username, String displayName, String password, Set<Role> roles) {
        return create(username, displayName, password, roles, false);
    }

    /** An administrator's creation: {@link #FOUR_EYES} roles are granted afterwards by proposal and approval. */
    @Transactional
    public UserAccount create(String actor, String username, String displayName, String password, Set<Role> roles) {
        Set<Role> four = fourEyes(roles == null ? Set.of() : roles);
        if (!four.isEmpty()) {
            throw new ConflictException(ProblemCodes.FOUR_EYES_REQUIRED, "create the user without " + four
                    + ", then propose the grant: a second administrator approves it");
        }
        UserAccount created = create(username, displayName, password, roles, false);
        events.publishEvent(new ChainedAudit(actor, "user-created", created.username() + " roles " + created.roles()));
        return created;
    }

    @Transactional
    UserAccount create(String username, String displayName, String password, Set<Role> roles, boolean demo) {
        String name = checkUsername(username);
        String shown = checkDisplayName(displayName == null || displayName.isBlank() ? name : displayName);
        Set<Role> r = checkRoles(roles);
        checkPassword(password);
        if (!users.insert(name, shown, encoder.encode(password), r, demo)) {
            throw new ConflictException(ProblemCodes.USER_EXISTS, "a user named '" + name + "' already exists");
        }
        log.info("user {} created with roles {}{}", name, r, demo ? " (demo)" : "");
        return get(name);
    }

    /**
     * An administrator's change: nobody adds a role to themself, and a {@link #FOUR_EYES}
     * role is only added through {@link RoleGrants}. Audited in the chain; ends the user's
     * sessions and sockets when it takes something away.
     */
    @Transactional
    public UserAccount change(String actor, String username, UserChange change) {
        UserAccount now = get(username);
        if (change.roles() != null) {
            Set<Role> added = EnumSet.copyOf(change.roles());
            added.removeAll(now.roles());
            if (!added.isEmpty() && actor.equals(username)) {
                log.warn("operatorId={} refused: tried to grant themself {}", actor, added);
                throw new ForbiddenException(ProblemCodes.SELF_GRANT, "nobody grants themself a role: another administrator does");
            }
            if (!fourEyes(added).isEmpty()) {
                throw new ConflictException(ProblemCodes.FOUR_EYES_REQUIRED, fourEyes(added)
                        + " is granted by proposal and a second administrator's approval: POST /api/v1/admin/users/"
                        + username + "/role-grants");
            }
        }
        return apply(actor, username, change);
    }

    /** The system's own change (bootstrap, demo users, tests): the same checks of the table, no actor rules. */
    @Transactional
    public UserAccount change(String username, UserChange change) {
        return apply(SYSTEM, username, change);
    }

    UserAccount apply(String actor, String username, UserChange change) {
        users.lockAdmins();
        UserAccount now = get(username);
        String oldHash = change.password() == null ? null : users.credentials(username).orElseThrow().passwordHash();
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
            throw new ConflictException(ProblemCodes.LAST_ADMIN, "this change would leave no enabled administrator");
        }
        log.info("user {} changed by {}: roles {}, enabled {}{}", username, actor, roles, enabled,
                change.password() == null ? "" : ", password set");
        boolean newPassword = change.password() != null && !encoder.matches(change.password(), oldHash);
        if (!roles.equals(now.roles())) {
            events.publishEvent(new ChainedAudit(actor, "role-changed", username + " " + now.roles() + " -> " + roles));
        }
        if (enabled != now.enabled()) {
            events.publishEvent(new ChainedAudit(actor, enabled ? "user-enabled" : "user-disabled", username));
        }
        if (newPassword) {
            events.publishEvent(new ChainedAudit(actor, "password-set", username));
        }
        if (!roles.equals(now.roles()) || (now.enabled() && !enabled) || newPassword) {
            endSessionsAfterCommit(username, !enabled ? "disabled" : newPassword ? "password-set" : "roles-changed");
        }
        return get(username);
    }

    /**
     * After the commit, not before: a session ended earlier could sign in again at once and
     * read the old roles still in the table.
     */
    private void endSessionsAfterCommit(String username, String why) {
        Runnable end = () -> {
            try {
                sessions.endAll(username, why);
            } catch (RuntimeException e) {
                log.error("operatorId={} account changed ({}) but its sessions could not be ended: {}", username, why,
                        e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end.run();
                }
            });
        } else {
            end.run();
        }
    }

    static Set<Role> fourEyes(Set<Role> roles) {
        Set<Role> four = EnumSet.noneOf(Role.class);
        roles.stream().filter(FOUR_EYES::contains).forEach(four::add);
        return four;
    }

    static String checkUsername(String username) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            throw new InvalidRequestException("username must be 2 to 63 characters: lower-case latin letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit", "problem.invalid-request.username",
                    List.of());
        }
        return name;
    }

    private static String checkDisplayName(String displayName) {
        String shown = displayName.strip();
        if (shown.isEmpty() || shown.length() > 200 || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("displayName must be 1 to 200 characters without control characters",
                    "problem.invalid-request.display-name", List.of(200));
        }
        return shown;
    }

    private static Set<Role> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidRequestException("a user needs at least one role: " + List.of(Role.values()),
                    "problem.invalid-request.roles", List.of());
        }
        return EnumSet.copyOf(roles);
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            throw new InvalidRequestException("password must have at least " + MIN_PASSWORD_CHARS + " characters",
                    "problem.invalid-request.password-short", List.of(MIN_PASSWORD_CHARS));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidRequestException("password must fit in " + MAX_PASSWORD_BYTES + " bytes of UTF-8",
                    "problem.invalid-request.password-long", List.of(MAX_PASSWORD_BYTES));
        }
    }
}
