package kz.line102.callcenter.security;

import kz.line102.callcenter.app.PersonalData;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.app.Problems;
import kz.line102.callcenter.security.signin.PasswordChecksBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 for the API as problem documents. The 401 deliberately carries no
 * {@code WWW-Authenticate: Basic} challenge: a browser never prompts for and never
 * caches Basic credentials of this site, so an {@code Authorization} header always
 * comes from a client that set it on purpose (the premise of the CSRF rule in
 * {@link SecurityConfiguration}).
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof PasswordChecksBusyException) {
            response.setHeader("Retry-After", "1");
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SIGN_IN_BUSY,
                    "too many sign-ins at once; try again in a second");
            return;
        }
        write(request, response, HttpStatus.UNAUTHORIZED, ProblemCodes.UNAUTHENTICATED,
                "sign in first: HTTP Basic credentials or a session");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String who = request.getUserPrincipal() == null ? "-" : request.getUserPrincipal().getName();
        log.info("{} {} refused to {}: {}", request.getMethod(), PersonalData.uri(request.getRequestURI()), who,
                e.getMessage());
        write(request, response, HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN,
                "your roles do not allow this request (or its CSRF token is missing)");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                       String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.detail(status, code, message, request));
    }
}
