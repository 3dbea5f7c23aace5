package kz.line102.callcenter.shell;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.app.ProblemTexts;
import kz.line102.callcenter.app.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Whatever the container would have answered itself ({@code sendError}: an unknown URL, a
 * page outside the user's role, a method not allowed, an exception nobody handled) ends here.
 * A browser asking for a page gets a friendly page in the user's language; everyone else, and
 * anything under {@code /api}, a problem document: never Spring's default JSON or Tomcat's HTML.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final ShellTemplates templates;

    ErrorPages(ShellTemplates templates) {
        this.templates = templates;
    }

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status.is5xxServerError()) {
            log.error("{} -> {} (unhandled)", kz.line102.callcenter.app.PersonalData.uri(path), status.value(),
                    failure instanceof Throwable t ? t : null);
        }
        if (wantsPage(request, path)) {
            String page = status == HttpStatus.NOT_FOUND ? "404" : status == HttpStatus.FORBIDDEN ? "403" : "error";
            return ResponseEntity.status(status)
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(templates.render(page, ProblemTexts.locale(request), ""));
        }
        String code = code(status);
        ProblemDetail problem = Problems.detail(status, code, List.of(), status.getReasonPhrase(), request);
        if (uri != null) {
            try {
                problem.setInstance(java.net.URI.create(uri));
            } catch (IllegalArgumentException e) {
                problem.setInstance(null);
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemCodes.NOT_FOUND;
            case FORBIDDEN -> ProblemCodes.FORBIDDEN;
            case UNAUTHORIZED -> ProblemCodes.UNAUTHENTICATED;
            case METHOD_NOT_ALLOWED -> ProblemCodes.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ProblemCodes.NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
            case CONTENT_TOO_LARGE -> ProblemCodes.REQUEST_TOO_LARGE;
            case BAD_REQUEST -> ProblemCodes.INVALID_REQUEST;
            default -> status.is5xxServerError() ? "internal-error" : "request-failed";
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** A browser navigating to a page (Accept names text/html), not a script or a client of the API. */
    private static boolean wantsPage(HttpServletRequest request, String path) {
        if (path.startsWith("/api/") || path.equals("/api")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
