package kz.line102.callcenter.security.signin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.security.SecurityAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every sign-in leaves behind: a log line (never the password), a counter, the
 * throttle's failure count, and an audit entry when an account or address gets
 * locked. Spring Security publishes these events on the request's thread, so the
 * request tells the method and the address.
 */
public class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final SignInThrottle throttle;
    private final SignInMetrics metrics;
    private final SecurityAudit audit;

    public SignInEvents(SignInThrottle throttle, MeterRegistry meters, SecurityAudit audit) {
        this.throttle = throttle;
        this.metrics = new SignInMetrics(meters);
        this.audit = audit;
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        HttpServletRequest request = request();
        if (request == null) {
            return; // not a web sign-in (a test or a command): nothing to count against
        }
        String method = SignInGuardFilter.method(request);
        String username = event.getAuthentication().getName();
        metrics.succeeded(method);
        if ("form".equals(method)) {
            log.info("operatorId={} signed in (form) from {}", username, request.getRemoteAddr());
        } else {
            // Basic signs in on every API request: the counter has them, the log only at debug.
            log.debug("operatorId={} signed in (basic) from {}", username, request.getRemoteAddr());
        }
        try {
            throttle.succeeded(username);
        } catch (RuntimeException e) {
            log.error("operatorId={} sign-in failures not cleared (Redis): {}", username, e.toString());
        }
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        HttpServletRequest request = request();
        if (request == null) {
            return;
        }
        String method = SignInGuardFilter.method(request);
        String username = String.valueOf(event.getAuthentication().getName());
        String address = request.getRemoteAddr();
        if (event.getException() instanceof PasswordChecksBusyException) {
            // The password was never judged: no failure of this account or address.
            log.warn("operatorId={} sign-in ({}) from {} refused unchecked: every password check busy", username,
                    method, address);
            return;
        }
        metrics.failed(method);
        log.info("operatorId={} sign-in failed ({}) from {}: {}", username, method, address,
                event.getException().getClass().getSimpleName());
        try {
            for (SignInThrottle.Failure f : throttle.failed(username, address)) {
                if (f.lockout()) {
                    log.warn("operatorId={} sign-in locked by {} after {} failures from {} for {} s", username,
                            f.scope(), f.failures(), address, f.lockedMillis() / 1000);
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("scope", f.scope());
                    detail.put("account", username);
                    detail.put("address", address);
                    detail.put("failures", f.failures());
                    detail.put("lockedSeconds", f.lockedMillis() / 1000);
                    audit.append("system:sign-in", "sign-in-locked", detail);
                }
            }
        } catch (RuntimeException e) {
            log.error("operatorId={} sign-in failure not counted: {}", username, e.toString());
        }
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest()
                : null;
    }
}
