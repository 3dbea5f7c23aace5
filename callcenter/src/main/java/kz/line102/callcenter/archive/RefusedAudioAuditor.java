package kz.line102.callcenter.archive;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes every refused attempt of a signed-in user (an operator, a supervisor, IT staff)
 * to reach a recording's audio, manifest or download into {@code audit_log}. Security
 * refuses them before any controller runs, so the refusal is caught from Spring
 * Security's own event, published synchronously before the 403 is sent.
 */
@Component
class RefusedAudioAuditor {

    private static final Logger log = LoggerFactory.getLogger(RefusedAudioAuditor.class);

    private final ArchiveAuditLog audit;

    RefusedAudioAuditor(ArchiveAuditLog audit) {
        this.audit = audit;
    }

    private static java.util.UUID recordingId(String path) {
        try {
            return java.util.UUID.fromString(path.split("/")[5]);
        } catch (IllegalArgumentException e) {
            return null; // not an id: the attempt is still logged, with its path
        }
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        if (!(event.getObject() instanceof HttpServletRequest request)) {
            return;
        }
        String path = request.getRequestURI();
        if (!path.startsWith("/api/v1/archive/recordings/") || path.split("/").length < 7) {
            return; // only audio, manifest and download: a refused search reveals no recording
        }
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return; // no one to hold to account; the 401 is in the access log of the web server
        }
        try {
            audit.append(who.getName(), "refused", recordingId(path), null, request.getMethod() + " " + path);
        } catch (RuntimeException e) {
            // The refusal stands either way; losing its trace is an error worth a page.
            log.error("refused archive access by {} to {} not written to the audit log", who.getName(), path, e);
        }
    }
}
