package kz.line102.callcenter.certification;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.JdbcAuditTrail;

/** Every change of certification data, refused ones included, in {@code certification_audit}. */
final class CertificationAudit {

    private final JdbcAuditTrail trail;

    CertificationAudit(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    void append(String actor, String action, Map<String, ?> detail) {
        trail.append(actor, action, null, detail);
    }

    List<Map<String, Object>> read(int limit) {
        return trail.read(limit);
    }
}
