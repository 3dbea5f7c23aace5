package kz.line102.callcenter.security;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/security/audit}: the newest entries of the security trail, for auditors and IT staff. */
@RestController
class SecurityAuditController {

    private final SecurityAudit audit;

    SecurityAuditController(SecurityAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/security/audit")
    List<Map<String, Object>> entries(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("'limit' is 1 to 1000");
        }
        return audit.read(limit);
    }
}
