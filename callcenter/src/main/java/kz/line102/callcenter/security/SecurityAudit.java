package kz.line102.callcenter.security;

import kz.line102.callcenter.app.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kz.line102.callcenter.app.JdbcAuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code security_audit} trail: caller-card reads, need-to-know refusals and
 * sign-in lockouts. A number is written masked (for a reader of the trail) and as a
 * keyed digest (so an inquiry can ask "who looked up this number?" by digesting it
 * with the same key, while the trail itself names no number).
 */
@Component
public class SecurityAudit {

    private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);

    private final JdbcAuditTrail trail;
    private final byte[] key;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    SecurityAudit(JdbcTemplate jdbc, JsonMapper json, NeedToKnowProperties props, ApplicationEventPublisher events) {
        this.trail = new JdbcAuditTrail(jdbc, json, "security_audit");
        this.json = json;
        this.events = events;
        this.key = props.numberKey().getBytes(StandardCharsets.UTF_8);
        PersonalData.showFullNumbers(props.logFullNumbers());
        if (key.length == 0) {
            log.warn("no line102.callcenter.security.need-to-know.number-key: numbers in the security audit are"
                    + " plain SHA-256 digests, which anyone with a list of numbers can reverse");
        }
        if (props.logFullNumbers()) {
            log.warn("caller numbers are logged in full (need-to-know.log-full-numbers): a debugging session only");
        }
    }

    /** Into {@code security_audit} (searchable) and the hash chain (tamper-evident), the same detail. */
    public void append(String actor, String action, Map<String, ?> detail) {
        trail.append(actor, action, null, detail);
        events.publishEvent(new ChainedAudit(actor, action, json.writeValueAsString(detail)));
    }

    public List<Map<String, Object>> read(int limit) {
        return trail.read(limit);
    }

    /** The number's stand-in in the trail: HMAC-SHA256 with the configured key (hex). */
    public String digest(String number) {
        if (number == null) {
            return null;
        }
        byte[] text = number.getBytes(StandardCharsets.UTF_8);
        try {
            if (key.length == 0) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 / HmacSHA256 unavailable", e);
        }
    }
}
