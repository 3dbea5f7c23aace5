package kz.line102.callcenter.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** {@code "GET /api/v1/archive/recordings"} (or a bare pattern, any method) as a matcher. */
final class RequestMatchers {

    private RequestMatchers() {
    }

    static RequestMatcher of(String spec) {
        String s = spec.trim();
        int space = s.indexOf(' ');
        if (space < 0) {
            return PathPatternRequestMatcher.withDefaults().matcher(s);
        }
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(s.substring(0, space).trim()),
                s.substring(space + 1).trim());
    }
}
