package kz.line102.callcenter.security;

import java.time.Instant;
import java.util.Set;

/** A user as stored, without the password hash (which never leaves {@link JdbcUserRepository}). */
public record UserAccount(long id, String username, String displayName, Set<Role> roles, boolean enabled,
                          boolean demo, Instant createdAt, Instant updatedAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
