package kz.line102.callcenter.app;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents the same way for controllers and security filters: a
 * stable {@code code}, the {@code args} of its message, and a {@code detail} rendered from
 * {@code problem.<code>} of the message bundle in the request's language ({@link ProblemTexts}).
 * The English {@code message} goes to the log, and to the answer only if the bundle lacks the key.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail detail(HttpStatus status, String code, String message, HttpServletRequest request) {
        return detail(status, code, List.of(), message, request);
    }

    public static ProblemDetail detail(HttpStatus status, String code, List<?> args, String message,
                                       HttpServletRequest request) {
        return keyed(status, code, "problem." + code, args, message, request);
    }

    /** A problem whose text is another key than {@code problem.<code>} (the code stays what clients test). */
    public static ProblemDetail keyed(HttpStatus status, String code, String key, List<?> args, String message,
                                      HttpServletRequest request) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status,
                ProblemTexts.text(key, args, ProblemTexts.locale(request), message));
        detail.setTitle(status.getReasonPhrase());
        detail.setType(URI.create("urn:line102:problem:" + code));
        try {
            detail.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a path the firewall refused may not even be a URI: the problem goes without an instance
        }
        detail.setProperty("code", code);
        // The thrower's own English words, for API clients and support: precise, but not for display
        // (pages show detail, which is the bundle's text in the user's language).
        if (message != null && !message.equals(detail.getDetail())) {
            detail.setProperty("reason", message);
        }
        if (!key.equals("problem." + code)) {
            detail.setProperty("key", key);
        }
        if (!args.isEmpty()) {
            detail.setProperty("args", args);
        }
        return detail;
    }
}
