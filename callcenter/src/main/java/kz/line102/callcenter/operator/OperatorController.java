package kz.line102.callcenter.operator;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import kz.line102.callcenter.app.ForbiddenException;
import kz.line102.callcenter.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/operators")
class OperatorController {

    private final OperatorService operators;

    OperatorController(OperatorService operators) {
        this.operators = operators;
    }

    record SignIn(String workstation, String extension) {
    }

    record SessionView(String workstation, String extension, String iface, Instant startedAt, Instant endedAt,
                       String endReason) {
        static SessionView of(OperatorSession s) {
            return s == null ? null : new SessionView(s.workstation(), s.extension(), s.iface(), s.startedAt(),
                    s.endedAt(), s.endReason());
        }
    }

    record OperatorView(String username, String displayName, Set<Role> roles, SessionView session,
                        List<SessionView> recentSessions) {
    }

    @GetMapping("/me")
    OperatorView me(Authentication auth) {
        return view(operators.status(auth.getName()));
    }

    @PostMapping("/me/session")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView signIn(Authentication auth, @RequestBody SignIn body) {
        String where = body.workstation() != null && !body.workstation().isBlank() ? body.workstation()
                : body.extension();
        return SessionView.of(operators.signIn(auth.getName(), where));
    }

    /** The desks to choose from on the console (enabled ones; free or not). */
    @GetMapping("/me/workstations")
    List<OperatorService.Desk> desks(Authentication auth) {
        return operators.desks(auth.getName());
    }

    @DeleteMapping("/me/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(Authentication auth) {
        operators.signOut(auth.getName());
    }

    /** Supervisors and administrators see anyone; an operator only themself, and learns nothing of others. */
    @GetMapping("/{username}")
    OperatorView one(Authentication auth, @PathVariable String username) {
        boolean oversees = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR")
                || a.getAuthority().equals("ROLE_ADMIN"));
        if (!oversees && !auth.getName().equals(username)) {
            throw new ForbiddenException("operators may see only their own data");
        }
        return view(operators.status(username));
    }

    private static OperatorView view(OperatorService.OperatorStatus s) {
        return new OperatorView(s.user().username(), s.user().displayName(), s.user().roles(),
                SessionView.of(s.session()), s.recent().stream().map(SessionView::of).toList());
    }
}
