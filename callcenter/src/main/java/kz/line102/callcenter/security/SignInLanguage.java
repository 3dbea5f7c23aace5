package kz.line102.callcenter.security;

import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.line102.callcenter.app.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * At a form sign-in the browser takes the language the user chose ({@code users.language}): on a
 * shared desk the next user's pages are in their own language, not the previous user's. A user who
 * never chose keeps the browser's. Reading it is best effort: a failure is logged and the sign-in
 * goes on in the browser's language.
 */
final class SignInLanguage {

    private static final Logger log = LoggerFactory.getLogger(SignInLanguage.class);

    private final Function<String, Optional<String>> saved;
    private final HttpSessionIdResolver sessionIds;

    SignInLanguage(Function<String, Optional<String>> saved, HttpSessionIdResolver sessionIds) {
        this.saved = saved;
        this.sessionIds = sessionIds;
    }

    /** Before the redirect of a successful sign-in. */
    void restore(HttpServletRequest request, HttpServletResponse response, String username) {
        Optional<String> language;
        try {
            language = saved.apply(username);
        } catch (RuntimeException e) {
            log.warn("user={} signed in; their language could not be read, the browser's stays: {}", username,
                    e.toString());
            return;
        }
        if (language.isEmpty() || !Languages.supported(language.get())) {
            return;
        }
        // The session's cookie goes first, as it did before this cookie existed: clients take the first
        // Set-Cookie of the sign-in answer as the session's. Written now, it is not written again at commit.
        HttpSession session = request.getSession(false);
        if (session != null) {
            sessionIds.setSessionId(request, response, session.getId());
        }
        Languages.remember(request, response, language.get());
    }
}
