package kz.line102.callcenter.shell;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.app.Languages;
import kz.line102.callcenter.app.ProblemException;
import kz.line102.callcenter.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's own language, kept with their account: the next sign-in, on any browser,
 * starts in it (security's sign-in sets the browser's cookie from it). The page's switch calls
 * this after setting the cookie, so a failure here costs only the memory across browsers.
 */
@RestController
class SessionLanguageController {

    private static final Logger log = LoggerFactory.getLogger(SessionLanguageController.class);

    private final UserService users;

    SessionLanguageController(UserService users) {
        this.users = users;
    }

    record LanguageChoice(String language) {
    }

    @PutMapping("/api/v1/session/language")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void choose(@RequestBody LanguageChoice choice, Principal user, HttpServletRequest request,
                HttpServletResponse response) {
        String language = choice == null ? null : choice.language();
        if (!Languages.supported(language)) {
            throw new UnsupportedLanguageException(language);
        }
        try {
            users.chooseLanguage(user.getName(), language);
        } catch (DataAccessException e) {
            log.warn("user={} language {} not saved: {}", user.getName(), language, e.toString());
            throw new LanguageNotSavedException();
        }
        Languages.remember(request, response, language);
    }

    /** Not one of the bundle's languages. */
    static final class UnsupportedLanguageException extends ProblemException {
        UnsupportedLanguageException(String language) {
            super(HttpStatus.BAD_REQUEST, ProblemCodes.UNSUPPORTED_LANGUAGE, "language '" + language
                    + "' is not one of " + Languages.SUPPORTED, List.of(String.valueOf(language),
                    String.join(", ", Languages.SUPPORTED)));
        }
    }

    /** The database did not take the choice; the browser keeps it (its cookie). */
    static final class LanguageNotSavedException extends ProblemException {
        LanguageNotSavedException() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.LANGUAGE_NOT_SAVED,
                    "the language was not saved with the account (the database did not answer); this browser keeps it");
        }
    }
}
