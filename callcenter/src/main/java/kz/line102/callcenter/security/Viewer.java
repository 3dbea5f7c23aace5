package kz.line102.callcenter.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is asking, with the roles the security filters granted (for checks beyond the URL table). */
public record Viewer(String username, Set<Role> roles) {

    public static Viewer of(Authentication auth) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Role.parse(name.substring(5)).ifPresent(roles::add);
            }
        }
        return new Viewer(auth.getName(), roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
