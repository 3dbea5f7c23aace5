package kz.line102.callcenter.operator;

import java.util.List;
import java.util.Optional;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.security.UserAccount;
import kz.line102.callcenter.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing operators in and out at workstations. An operator is at one desk at a
 * time and a desk has one operator: signing in elsewhere ends the earlier session
 * ({@code moved}); a desk someone else holds is refused.
 */
@Service
public class OperatorService {

    private static final Logger log = LoggerFactory.getLogger(OperatorService.class);
    private static final int HISTORY = 20;

    private final UserService users;
    private final JdbcWorkstationRepository workstations;
    private final JdbcOperatorSessionRepository sessions;
    /** Resolved at each use: the listeners themselves need this service. */
    private final ObjectProvider<SessionListener> listeners;

    OperatorService(UserService users, JdbcWorkstationRepository workstations, JdbcOperatorSessionRepository sessions,
                    ObjectProvider<SessionListener> listeners) {
        this.users = users;
        this.workstations = workstations;
        this.sessions = sessions;
        this.listeners = listeners;
    }

    /** The user, the session they are in now and their latest sessions. */
    public record OperatorStatus(UserAccount user, OperatorSession session, List<OperatorSession> recent) {
    }

    public OperatorStatus status(String username) {
        UserAccount user = users.get(username);
        return new OperatorStatus(user, sessions.openForUser(user.id()).orElse(null),
                sessions.recent(user.id(), HISTORY));
    }

    /** Where an operator sits now, if anywhere: the screen-pop finds its operator this way. */
    public Optional<OperatorSession> currentSession(String username) {
        return sessions.openForUser(users.get(username).id());
    }

    /** Every session open now. */
    public List<OperatorSession> openSessions() {
        return sessions.allOpen();
    }

    /** The session open at the desk whose phone is {@code extension}, if any. */
    public Optional<OperatorSession> openAtExtension(String extension) {
        return sessions.openAtExtension(extension);
    }

    /** @param workstationOrExtension the desk's name or its phone's extension */
    @Transactional
    public OperatorSession signIn(String username, String workstationOrExtension) {
        if (workstationOrExtension == null || workstationOrExtension.isBlank()) {
            throw new InvalidRequestException("give the 'workstation' (name) or the 'extension' to sign in at");
        }
        String key = workstationOrExtension.trim();
        UserAccount user = users.get(username);
        Workstation ws = workstations.lockByNameOrExtension(key, key)
                .orElseThrow(() -> new NoSuchWorkstationException("'" + key + "'"));
        if (!ws.enabled()) {
            throw new ConflictException("workstation-disabled", "workstation '" + ws.name() + "' is disabled");
        }
        Optional<OperatorSession> there = sessions.openAt(ws.id());
        if (there.isPresent()) {
            if (there.get().username().equals(user.username())) {
                return there.get();
            }
            throw new ConflictException("workstation-occupied",
                    "another operator is signed in at workstation '" + ws.name() + "'");
        }
        Optional<OperatorSession> previous = sessions.openForUser(user.id());
        if (sessions.closeForUser(user.id(), "moved")) {
            log.info("operatorId={} left the previous workstation to sign in at {}", username, ws.name());
            previous.ifPresent(p -> listeners.orderedStream().forEach(l -> l.signedOut(p, "moved")));
        }
        try {
            OperatorSession session = sessions.open(user.id(), ws);
            listeners.orderedStream().forEach(l -> l.signedIn(session));
            log.info("operatorId={} signed in at workstation {} (extension {}, {})", username, ws.name(),
                    ws.extension(), ws.iface());
            return session;
        } catch (DuplicateKeyException e) {
            // A concurrent sign-in of the same user won the race for the unique open-session index.
            throw new ConflictException("workstation-occupied", "a concurrent sign-in took this session; try again");
        }
    }

    /** Idempotent: signing out with no open session is not an error. */
    @Transactional
    public void signOut(String username) {
        UserAccount user = users.get(username);
        Optional<OperatorSession> open = sessions.openForUser(user.id());
        if (sessions.closeForUser(user.id(), "signed-out")) {
            log.info("operatorId={} signed out", username);
            open.ifPresent(s -> listeners.orderedStream().forEach(l -> l.signedOut(s, "signed-out")));
        }
    }
}
