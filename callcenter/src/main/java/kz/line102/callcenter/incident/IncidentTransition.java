package kz.line102.callcenter.incident;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** One entry of a card's timeline; {@code from} is null for the opening of the card. */
public record IncidentTransition(long id, UUID incidentId, IncidentStatus from, IncidentStatus to, Instant at,
                                 String by, JsonNode detail) {
}
