package kz.line102.callcenter.certification.recording;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import kz.line102.callcenter.archive.ArchiveAuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes every refused attempt of a signed-in user who is not the personnel service (an
 * operator, a supervisor, an auditor) at an interview recording, its list or an upload
 * into {@code audit_log}, as the call archive's refusals are: security refuses them before
 * any controller runs, so the refusal is caught from Spring Security's own event.
 */
@Component
class RefusedInterviewAccessAuditor {

    private static final Logger log = LoggerFactory.getLogger(RefusedInterviewAccessAuditor.class);
    private static final Pattern RECORDING = Pattern.compile("^/api/v1/certification/recordings/([^/]+)(/.*)?$");
    private static final Pattern CASE = Pattern.compile("^/api/v1/certification/cases/[^/]+/recordings/?$");

    private final ArchiveAuditLog audit;

    RefusedInterviewAccessAuditor(ArchiveAuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        if (!(event.getObject() instanceof HttpServletRequest request)) {
            return;
        }
        String path = request.getRequestURI();
        Matcher recording = RECORDING.matcher(path);
        if (!recording.matches() && !CASE.matcher(path).matches()) {
            return;
        }
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return; // no one to hold to account; the 401 is in the access log of the web server
        }
        try {
            audit.append(who.getName(), "refused", recording.matches() ? uuid(recording.group(1)) : null, null,
                    request.getMethod() + " " + path);
        } catch (RuntimeException e) {
            // The refusal stands either way; losing its trace is an error worth a page.
            log.error("refused interview recording access by {} to {} not written to the audit log", who.getName(),
                    path, e);
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null; // not an id: the attempt is still logged, with its path
        }
    }
}
