package kz.line102.callcenter.app;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request the security firewall refuses (an encoded slash, a semicolon, a bad header)
 * gets a 400 problem document like every other error, not the container's HTML page.
 * Spring Security picks the one {@link RequestRejectedHandler} bean up by itself.
 */
@Component
class FirewallProblems implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallProblems.class);
    private final JsonMapper json;

    FirewallProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.info("{} {} -> 400 request-rejected: {}", request.getMethod(), PersonalData.uri(request.getRequestURI()),
                e.getMessage());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                Problems.detail(HttpStatus.BAD_REQUEST, ProblemCodes.REQUEST_REJECTED, e.getMessage(), request));
    }
}
