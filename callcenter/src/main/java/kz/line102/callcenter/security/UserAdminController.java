package kz.line102.callcenter.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.security.UserService.UserChange;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users are disabled, never deleted: their sessions and actions stay attributable. */
@RestController
@RequestMapping("/api/v1/admin/users")
class UserAdminController {

    private final UserService users;

    private final RoleGrants grants;

    UserAdminController(UserService users, RoleGrants grants) {
        this.users = users;
        this.grants = grants;
    }

    record GrantProposal(String role, String reason) {
    }

    record NewUser(String username, String displayName, String password, List<String> roles) {
    }

    record Change(String displayName, List<String> roles, Boolean enabled, String password) {
    }

    record UserView(String username, String displayName, Set<Role> roles, boolean enabled, boolean demo,
                    Instant createdAt, Instant updatedAt) {
        static UserView of(UserAccount u) {
            return new UserView(u.username(), u.displayName(), u.roles(), u.enabled(), u.demo(), u.createdAt(),
                    u.updatedAt());
        }
    }

    @GetMapping
    List<UserView> all() {
        return users.all().stream().map(UserView::of).toList();
    }

    @GetMapping("/{username}")
    UserView one(@PathVariable String username) {
        return UserView.of(users.get(username));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(Authentication auth, @RequestBody NewUser body) {
        return UserView.of(users.create(auth.getName(), body.username(), body.displayName(), body.password(),
                roles(body.roles())));
    }

    @PutMapping("/{username}")
    UserView change(Authentication auth, @PathVariable String username, @RequestBody Change body) {
        Set<Role> roles = body.roles() == null ? null : roles(body.roles());
        return UserView.of(users.change(auth.getName(), username,
                new UserChange(body.displayName(), roles, body.enabled(), body.password())));
    }

    /** Four eyes: proposes a role that a second administrator must approve. */
    @PostMapping("/{username}/role-grants")
    @ResponseStatus(HttpStatus.CREATED)
    RoleGrants.Grant propose(Authentication auth, @PathVariable String username, @RequestBody GrantProposal body) {
        if (body == null || body.role() == null) {
            throw new InvalidRequestException("give the 'role' to grant and the 'reason'",
                    "problem.invalid-request.grant-reason", List.of());
        }
        Role role = Role.parse(body.role()).orElseThrow(() -> new InvalidRequestException(
                "unknown role '" + body.role() + "': " + List.of(Role.values()), "problem.invalid-request.unknown-role",
                List.of(body.role())));
        return grants.propose(auth.getName(), username, role, body.reason());
    }

    @GetMapping("/role-grants")
    List<RoleGrants.Grant> waiting() {
        return grants.waiting();
    }

    @PostMapping("/role-grants/{id}/approval")
    RoleGrants.Grant approve(Authentication auth, @PathVariable UUID id) {
        return grants.approve(auth.getName(), id);
    }

    @PostMapping("/role-grants/{id}/rejection")
    RoleGrants.Grant reject(Authentication auth, @PathVariable UUID id) {
        return grants.reject(auth.getName(), id);
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidRequestException("'roles' must list at least one of " + List.of(Role.values()),
                    "problem.invalid-request.roles", List.of());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.parse(name).orElseThrow(() -> new InvalidRequestException(
                    "unknown role '" + name + "': " + List.of(Role.values()), "problem.invalid-request.unknown-role",
                    List.of(String.valueOf(name)))));
        }
        return roles;
    }
}
