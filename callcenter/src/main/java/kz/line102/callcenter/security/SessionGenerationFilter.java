package kz.line102.callcenter.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends an HTTP session whose user's session generation moved on since it signed in
 * ({@link AccountSessions}): the request goes on unauthenticated, so the API answers 401
 * and a page asks for sign-in again, with the roles the user has now. Basic requests
 * carry no session and are checked against the user table on every request anyway.
 * <p>When Redis cannot be read the request goes on (logged): the consoles of a
 * 102 line must not all fall out at once because the cache is away; a disabled user
 * is still refused at their next sign-in, and Basic requests are unaffected.
 */
class SessionGenerationFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = SessionGenerationFilter.class.getName() + ".generation";
    private static final Logger log = LoggerFactory.getLogger(SessionGenerationFilter.class);

    private final AccountSessions sessions;

    SessionGenerationFilter(AccountSessions sessions) {
        this.sessions = sessions;
    }

    /** Called on sign-in: the session belongs to the generation of this moment. */
    static void remember(AccountSessions sessions, HttpServletRequest request, String username) {
        try {
            request.getSession().setAttribute(ATTRIBUTE, username + "\n" + sessions.generation(username));
        } catch (RuntimeException e) {
            // The sign-in stands; the filter records the generation at the session's first request.
            log.warn("operatorId={} session generation unreadable at sign-in: {}", username, e.toString());
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && !BasicCredentialsFilter.carriesBasic(request)) {
            check(request, session, auth.getName());
        }
        chain.doFilter(request, response);
    }

    private void check(HttpServletRequest request, HttpSession session, String username) {
        Object remembered = session.getAttribute(ATTRIBUTE);
        long now;
        try {
            now = sessions.generation(username);
        } catch (RuntimeException e) {
            log.warn("operatorId={} session generation unreadable, session kept: {}", username, e.toString());
            return;
        }
        if (remembered == null) {
            // Signed in some other way than the form (none today): from now on it is checked.
            session.setAttribute(ATTRIBUTE, username + "\n" + now);
            return;
        }
        if (!(username + "\n" + now).equals(remembered)) {
            log.info("operatorId={} session ended: the account changed since sign-in", username);
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                log.debug("session already invalid");
            }
            SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
            request.setAttribute(ATTRIBUTE, "ended");
        }
    }
}
