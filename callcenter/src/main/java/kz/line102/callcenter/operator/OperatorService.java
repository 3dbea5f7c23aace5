package kz.line102.callcenter.operator;

import java.util.List;
import java.util.Optional;

import kz.line102.callcenter.app.ConflictException;
import kz.line102.callcenter.app.InvalidRequestException;
import kz.line102.callcenter.security.AccountSessions;
import kz.line102.callcenter.security.AccountSessions.Sockets;
import kz.line102.callcenter.security.UserAccount;
import kz.line102.callcenter.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing operators in and out at workstations. An operator is at one desk at a
 * time and a desk has one operator: signing in elsewhere ends the earlier session
 * ({@code moved}); a desk someone else holds is refused. The session listeners (queue
 * membership in the PBX) are called with no transaction open: PBX I/O never holds a
 * database connection or a row lock.
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
    private final TransactionTemplate tx;
    private final AccountSessions accounts;

    OperatorService(UserService users, JdbcWorkstationRepository workstations, JdbcOperatorSessionRepository sessions,
                    ObjectProvider<SessionListener> listeners, PlatformTransactionManager transactions,
                    AccountSessions accounts) {
        this.accounts = accounts;
        this.users = users;
        this.workstations = workstations;
        this.sessions = sessions;
        this.listeners = listeners;
        this.tx = new TransactionTemplate(transactions);
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

    /** A desk as an operator choosing one sees it: free, taken by someone else, or their own. */
    public record Desk(String name, String extension, boolean free, boolean mine) {
    }

    /** The enabled desks, for the console's list; who holds a taken one is not said. */
    public List<Desk> desks(String username) {
        java.util.Map<String, String> held = new java.util.HashMap<>();
        sessions.allOpen().forEach(s -> held.put(s.workstation(), s.username()));
        return workstations.all().stream().filter(Workstation::enabled)
                .map(w -> new Desk(w.name(), w.extension(), !held.containsKey(w.name()),
                        username.equals(held.get(w.name()))))
                .toList();
    }

    private record Opened(OperatorSession session, OperatorSession moved, boolean already) {
    }

    /**
     * @param workstationOrExtension the desk's name or its phone's extension. The session is
     *     committed first, then the listeners join the PBX's queues with no transaction open;
     *     when they refuse, the session is closed again and the refusal thrown.
     */
    public OperatorSession signIn(String username, String workstationOrExtension) {
        if (workstationOrExtension == null || workstationOrExtension.isBlank()) {
            throw new InvalidRequestException("give the 'workstation' (name) or the 'extension' to sign in at");
        }
        String key = workstationOrExtension.trim();
        UserAccount user = users.get(username);
        Opened opened;
        try {
            opened = tx.execute(s -> open(user, key));
        } catch (DuplicateKeyException e) {
            // A concurrent sign-in of the same user won the race for the unique open-session index.
            throw new ConflictException(ProblemCodes.WORKSTATION_OCCUPIED, "a concurrent sign-in took this session; try again");
        }
        if (opened.already()) {
            return opened.session();
        }
        if (opened.moved() != null) {
            log.info("operatorId={} left the previous workstation to sign in at {}", username,
                    opened.session().workstation());
            tellSignedOut(opened.moved(), "moved");
        }
        OperatorSession session = opened.session();
        try {
            listeners.orderedStream().forEach(l -> l.signedIn(session));
        } catch (RuntimeException e) {
            // As if it never happened, as the sign-in's rollback did before the PBX was asked outside it.
            tx.executeWithoutResult(s -> sessions.delete(session.id()));
            log.warn("operatorId={} sign-in at {} undone: {}", username, session.workstation(), e.getMessage());
            throw e;
        }
        log.info("operatorId={} signed in at workstation {} (extension {}, {})", username, session.workstation(),
                session.extension(), session.iface());
        return session;
    }

    private Opened open(UserAccount user, String key) {
        Workstation ws = workstations.lockByNameOrExtension(key, key)
                .orElseThrow(() -> new NoSuchWorkstationException("'" + key + "'"));
        if (!ws.enabled()) {
            throw new ConflictException(ProblemCodes.WORKSTATION_DISABLED, "workstation '" + ws.name() + "' is disabled",
                    java.util.List.of(ws.name()));
        }
        Optional<OperatorSession> there = sessions.openAt(ws.id());
        if (there.isPresent()) {
            if (there.get().username().equals(user.username())) {
                return new Opened(there.get(), null, true);
            }
            throw new ConflictException(ProblemCodes.WORKSTATION_OCCUPIED,
                    "another operator is signed in at workstation '" + ws.name() + "'", java.util.List.of(ws.name()));
        }
        Optional<OperatorSession> previous = sessions.openForUser(user.id());
        boolean moved = sessions.closeForUser(user.id(), "moved");
        return new Opened(sessions.open(user.id(), ws), moved ? previous.orElse(null) : null, false);
    }

    /**
     * Idempotent: signing out with no open session is not an error. The listeners leave the
     * PBX's queues first (no transaction open); when they refuse, the session stays open.
     */
    public void signOut(String username) {
        UserAccount user = users.get(username);
        Optional<OperatorSession> open = sessions.openForUser(user.id());
        if (open.isEmpty()) {
            return;
        }
        listeners.orderedStream().forEach(l -> l.signedOut(open.get(), "signed-out"));
        if (Boolean.TRUE.equals(tx.execute(s -> sessions.closeForUser(user.id(), "signed-out")))) {
            log.info("operatorId={} signed out", username);
        }
        closeConsoles(username, "signed-out");
    }

    /** The consoles bound to the desk they left, on every node: the desk's next caller is not theirs. */
    private void closeConsoles(String username, String why) {
        try {
            accounts.closeSockets(username, Sockets.SCREEN_POP, why);
        } catch (RuntimeException e) {
            // The consoles also check the desk before each pop (ScreenPopSocket), so none is shown meanwhile.
            log.warn("operatorId={} consoles not closed ({}): {}", username, why, e.toString());
        }
    }

    /** A session ended by something else than its operator: the PBX is told, a refusal only logged. */
    void tellSignedOut(OperatorSession session, String why) {
        closeConsoles(session.username(), why);
        try {
            listeners.orderedStream().forEach(l -> l.signedOut(session, why));
        } catch (RuntimeException e) {
            log.warn("operatorId={} session at {} ended ({}) but the PBX was not told: {}; the reconciliation "
                    + "reports the member left there", session.username(), session.workstation(), why,
                    e.getMessage());
        }
    }
}
