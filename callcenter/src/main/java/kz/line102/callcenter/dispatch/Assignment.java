package kz.line102.callcenter.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * One sending of a unit to a card. {@code late} is true when the unit arrived after
 * its deadline, or has not arrived and the deadline has passed.
 */
public record Assignment(long id, UUID incidentId, long unitId, String callSign, UnitKind kind, UnitStatus unitStatus,
                         int priority, Instant assignedAt, String assignedBy, Instant deadlineAt, Instant arrivedAt,
                         String arrivedBy, Instant releasedAt, String releasedBy, String releaseNote,
                         Instant lateAlertedAt, boolean late) {
}
