package kz.line102.callcenter.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that carries HTTP Basic credentials is authenticated by them alone. Left
 * to itself the Basic filter skips the password check when the session cookie beside
 * it already holds a user of the same name, and the request would run on the
 * session while the CSRF check was waived for the header: forgetting the session's
 * user here makes the waiver hold only for a request Basic actually authenticated
 * (or refused with 401).
 */
class BasicCredentialsFilter extends OncePerRequestFilter {

    static boolean carriesBasic(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && header.length() > 6;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (carriesBasic(request)) {
            SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        }
        chain.doFilter(request, response);
    }
}
