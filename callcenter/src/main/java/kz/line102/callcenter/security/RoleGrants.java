package kz.line102.callcenter.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.ForbiddenException;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.app.ProblemException;
import kz.line102.callcenter.security.UserService.UserChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes on the roles of {@link UserService#FOUR_EYES}: one administrator proposes,
 * a different one approves, and neither may be the user who receives the role. The
 * proposal, the approval (with the grant itself) and a rejection each join the audit
 * chain in the transaction that makes them.
 */
@Service
public class RoleGrants {

    private static final Logger log = LoggerFactory.getLogger(RoleGrants.class);

    private final JdbcTemplate jdbc;
    private final UserService users;
    private final ApplicationEventPublisher events;

    RoleGrants(JdbcTemplate jdbc, UserService users, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
    }

    public record Grant(UUID id, String username, Role role, String proposedBy, Instant proposedAt, String reason,
                        String state, String decidedBy, Instant decidedAt) {
    }

    static final class NoSuchGrantException extends ProblemException {
        NoSuchGrantException(UUID id) {
            super(HttpStatus.NOT_FOUND, ProblemCodes.NO_SUCH_ROLE_GRANT, "no role grant " + id);
        }
    }

    @Transactional
    public Grant propose(String actor, String username, Role role, String reason) {
        if (role == null || !UserService.FOUR_EYES.contains(role)) {
            throw new InvalidRequestException("only " + UserService.FOUR_EYES
                    + " is granted by proposal; change other roles on the user directly");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidRequestException("a proposal needs a 'reason' (the order it serves), up to 1000 characters",
                    "problem.invalid-request.grant-reason", List.of());
        }
        UserAccount user = users.get(username);
        if (actor.equals(user.username())) {
            log.warn("operatorId={} refused: proposed {} for themself", actor, role);
            throw new ForbiddenException(ProblemCodes.SELF_GRANT, "nobody proposes a role for themself");
        }
        if (user.roles().contains(role)) {
            throw new ConflictException(ProblemCodes.ROLE_HELD, username + " already has " + role);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into role_grants (id, username, role, proposed_by, reason) values (?, ?, ?, ?, ?)",
                    id, username, role.name(), actor, reason.strip());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ProblemCodes.ROLE_GRANT_OPEN, "a proposal to grant " + role + " to " + username
                    + " is already waiting for approval");
        }
        events.publishEvent(new ChainedAudit(actor, "role-grant-proposed", id + " " + username + " " + role
                + ": " + reason.strip()));
        log.info("operatorId={} proposed {} for {} ({})", actor, role, username, id);
        return get(id);
    }

    /** The second administrator's approval: the role is granted in the same transaction. */
    @Transactional
    public Grant approve(String actor, UUID id) {
        Grant g = open(id);
        if (actor.equals(g.proposedBy()) || actor.equals(g.username())) {
            log.warn("operatorId={} refused: approving their own grant {}", actor, id);
            throw new ForbiddenException(ProblemCodes.FOUR_EYES, "a grant is approved by an administrator who neither proposed"
                    + " it nor receives it");
        }
        Set<Role> roles = EnumSet.copyOf(users.get(g.username()).roles());
        roles.add(g.role());
        decide(id, "approved", actor);
        events.publishEvent(new ChainedAudit(actor, "role-grant-approved", id + " " + g.username() + " " + g.role()
                + " proposed by " + g.proposedBy()));
        users.apply(actor, g.username(), new UserChange(null, roles, null, null));
        log.info("operatorId={} approved {} for {} ({}), proposed by {}", actor, g.role(), g.username(), id,
                g.proposedBy());
        return get(id);
    }

    @Transactional
    public Grant reject(String actor, UUID id) {
        Grant g = open(id);
        decide(id, "rejected", actor);
        events.publishEvent(new ChainedAudit(actor, "role-grant-rejected", id + " " + g.username() + " " + g.role()));
        log.info("operatorId={} rejected the grant of {} to {} ({})", actor, g.role(), g.username(), id);
        return get(id);
    }

    public List<Grant> waiting() {
        return jdbc.query("select * from role_grants where state = 'proposed' order by proposed_at", ROW);
    }

    public Grant get(UUID id) {
        return jdbc.query("select * from role_grants where id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> new NoSuchGrantException(id));
    }

    private Grant open(UUID id) {
        Grant g = jdbc.query("select * from role_grants where id = ? for update", ROW, id).stream().findFirst()
                .orElseThrow(() -> new NoSuchGrantException(id));
        if (!"proposed".equals(g.state())) {
            throw new ConflictException(ProblemCodes.ROLE_GRANT_DECIDED, "grant " + id + " was already " + g.state());
        }
        return g;
    }

    private void decide(UUID id, String state, String by) {
        jdbc.update("update role_grants set state = ?, decided_by = ?, decided_at = clock_timestamp() where id = ?",
                state, by, id);
    }

    private static final RowMapper<Grant> ROW = (rs, n) -> new Grant(rs.getObject("id", UUID.class),
            rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getString("proposed_by"),
            instant(rs.getTimestamp("proposed_at")), rs.getString("reason"), rs.getString("state"),
            rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")));

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
