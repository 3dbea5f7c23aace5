package kz.line102.callcenter.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as kept. {@code outboundStatus} is {@code none} when no outbound endpoint
 * was configured when it was raised, then {@code pending}, {@code sent} or {@code dead}
 * (retries exhausted; IT staff can send it again).
 */
public record Alert(long id, String dedupKey, String kind, Severity severity, String title,
                    Map<String, Object> detail, UUID incidentId, Instant raisedAt, String raisedBy,
                    Instant acknowledgedAt, String acknowledgedBy, String ackComment,
                    String outboundStatus, int outboundAttempts, String outboundError, Instant outboundSentAt) {

    public boolean open() {
        return acknowledgedAt == null;
    }
}
