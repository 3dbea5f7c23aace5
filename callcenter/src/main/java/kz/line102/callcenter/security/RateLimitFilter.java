package kz.line102.callcenter.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.line102.callcenter.app.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-user limits on the costly endpoints (archive search, recording downloads,
 * report documents, imports), after authorisation so that refused requests do not
 * count. Over the limit: 429 {@code rate-limited} with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private record Group(String name, RequestMatcher matcher, int limit, Duration window) {
    }

    private final RateLimiter limiter;
    private final List<Group> groups;
    private final JsonMapper json;

    RateLimitFilter(RateLimiter limiter, RequestLimitProperties props, JsonMapper json) {
        this.limiter = limiter;
        this.groups = props.rateLimits().entrySet().stream().map(e -> new Group(e.getKey(),
                new OrRequestMatcher(e.getValue().requests().stream().map(RequestMatchers::of).toList()),
                e.getValue().limit(), e.getValue().window())).toList();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()) {
            for (Group g : groups) {
                if (g.matcher().matches(request)) {
                    try {
                        limiter.acquire(g.name(), auth.getName(), g.limit(), g.window(), "rate-limited",
                                g.name() + " requests");
                    } catch (TooManyRequestsException e) {
                        ProblemDetail problem = Problems.detail(e.status(), e.code(), e.getMessage(), request);
                        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
                        response.setStatus(e.status().value());
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        json.writeValue(response.getOutputStream(), problem);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
