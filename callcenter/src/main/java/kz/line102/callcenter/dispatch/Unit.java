package kz.line102.callcenter.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A unit as the duty sheet shows it; {@code incidentId} is set while it is dispatched or on scene. */
public record Unit(long id, String callSign, UnitKind kind, UnitStatus status, List<String> crew, String patrolRoute,
                   Double lat, Double lon, Instant positionAt, Instant statusSince, UUID incidentId,
                   boolean enabled) {
}
