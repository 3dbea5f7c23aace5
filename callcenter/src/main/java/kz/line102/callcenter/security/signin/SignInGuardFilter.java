package kz.line102.callcenter.security.signin;

import kz.line102.callcenter.security.ProblemCodes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.app.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands before both password checks (the sign-in form and HTTP Basic): a request
 * with credentials for a locked account, or from a locked address, is answered 429
 * with {@code Retry-After} at the cost of one Redis round trip, before any bcrypt.
 * Requests without credentials (a session, or none) pass untouched.
 */
public class SignInGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInGuardFilter.class);

    private final SignInThrottle throttle;
    private final SignInMetrics metrics;
    private final JsonMapper json;

    public SignInGuardFilter(SignInThrottle throttle, MeterRegistry meters, JsonMapper json) {
        this.throttle = throttle;
        this.metrics = new SignInMetrics(meters);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = username(request);
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignInThrottle.Lock> lock;
        try {
            lock = throttle.lockOf(username, request.getRemoteAddr());
        } catch (RuntimeException e) {
            // Operators must still sign in when Redis is away: bcrypt alone then.
            log.error("sign-in throttle not checked (Redis): {}", e.toString());
            chain.doFilter(request, response);
            return;
        }
        if (lock.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (lock.get().retryAfterMillis() + 999) / 1000);
        metrics.rejected(method(request));
        log.debug("operatorId={} sign-in from {} refused: {} locked for {} s", username, request.getRemoteAddr(),
                lock.get().scope(), seconds);
        ProblemDetail problem = Problems.detail(HttpStatus.TOO_MANY_REQUESTS, ProblemCodes.SIGN_IN_LOCKED,
                "too many failed sign-ins for this " + lock.get().scope() + "; try again in " + seconds + " s",
                request);
        problem.setProperty("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static String method(HttpServletRequest request) {
        return isBasic(request) ? "basic" : "form";
    }

    static boolean isBasic(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** The account a request tries to sign in as, or null when it carries no credentials. */
    static String username(HttpServletRequest request) {
        if (isBasic(request)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(
                        request.getHeader(HttpHeaders.AUTHORIZATION).substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null; // not Base64: the Basic filter refuses it without a password check
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        return null;
    }
}
