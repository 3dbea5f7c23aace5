package kz.line102.callcenter.archive;

import kz.line102.callcenter.security.ChainedAudit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Security decisions (role changes and their four-eyes steps, caller-card reads,
 * lockouts) join the one hash-chained audit log. Synchronous on purpose: the entry is
 * appended in the deciding transaction, so there is no decision without its entry.
 */
@Component
class ChainedAuditListener {

    private final ArchiveAuditLog audit;

    ChainedAuditListener(ArchiveAuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(ChainedAudit event) {
        audit.append(event.actor(), event.action(), null, null, event.detail());
    }
}
