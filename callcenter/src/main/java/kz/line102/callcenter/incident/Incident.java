package kz.line102.callcenter.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One incident card as stored. {@code priority} runs from 1 (threat to life, now) to
 * 4 (no urgency); {@code sceneUnknown} true means the caller could not say where.
 * {@code version} goes up by one with every change: send it back to change the card.
 */
public record Incident(UUID id, IncidentStatus status, IncidentCategory category, String typeCode, Integer priority,
                       String callerNumber, String callerNumberE164, String callerName, String callerAddress,
                       String sceneAddress, Double sceneLat, Double sceneLon, boolean sceneUnknown,
                       String description, JsonNode persons, JsonNode vehicles, String operatorNotes, String result,
                       String unitCode, String kuiNumber, String createdBy, int repeatCount, int version,
                       Instant createdAt, Instant updatedAt, Instant submittedAt, Instant registeredAt,
                       Instant closedAt, List<LinkedCall> calls) {

    /** A call of the card; {@code repeat} for a later call about the same matter. */
    public record LinkedCall(String callId, String recordingId, boolean repeat, String linkedBy, Instant linkedAt) {
    }

    Incident withCalls(List<LinkedCall> linked) {
        return new Incident(id, status, category, typeCode, priority, callerNumber, callerNumberE164, callerName,
                callerAddress, sceneAddress, sceneLat, sceneLon, sceneUnknown, description, persons, vehicles,
                operatorNotes, result, unitCode, kuiNumber, createdBy, repeatCount, version, createdAt, updatedAt,
                submittedAt, registeredAt, closedAt, linked);
    }
}
