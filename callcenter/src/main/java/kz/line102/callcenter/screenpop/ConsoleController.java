package kz.line102.callcenter.screenpop;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.call.CallQuery;
import kz.line102.callcenter.call.CallRecord;
import kz.line102.callcenter.call.JdbcCallRepository;
import kz.line102.callcenter.operator.OperatorService;
import kz.line102.callcenter.operator.OperatorSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConsoleController {

    private static final int RECENT = 20;

    private final OperatorService operators;
    private final JdbcCallRepository calls;

    ConsoleController(OperatorService operators, JdbcCallRepository calls) {
        this.operators = operators;
        this.calls = calls;
    }

    /** Who is signed in, and the CSRF token a page must send with its changes. */
    @GetMapping("/api/v1/session")
    SessionView session(Authentication auth, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).collect(Collectors.toCollection(java.util.TreeSet::new));
        OperatorSession at = operators.currentSession(auth.getName()).orElse(null);
        return new SessionView(auth.getName(), roles, at == null ? null : at.workstation(),
                at == null ? null : at.extension(), csrf == null ? null : csrf.getHeaderName(),
                csrf == null ? null : csrf.getToken());
    }

    /** The calls the signed-in operator's phone answered, newest first. */
    @GetMapping("/api/v1/operators/me/calls")
    List<RecentCallView> myCalls(Principal who) {
        OperatorSession at = operators.currentSession(who.getName()).orElse(null);
        if (at == null) {
            return List.of();
        }
        List<CallRecord> mine = calls.search(new CallQuery(null, null, null, null, null, false, at.extension(), 0,
                RECENT));
        return mine.stream().limit(RECENT).map(RecentCallView::of).toList();
    }

    record SessionView(String username, Set<String> roles, String workstation, String extension,
                       String csrfHeader, String csrfToken) {
    }

    record RecentCallView(String id, String callerNumber, String outcome, java.time.Instant offeredAt,
                          Integer waitSeconds, Integer talkSeconds) {
        static RecentCallView of(CallRecord r) {
            return new RecentCallView(r.id().value(), r.callerNumber(),
                    r.outcome() == null ? "in-progress" : r.outcome().code(), r.offeredAt(), r.waitSeconds(),
                    r.talkSeconds());
        }
    }
}
