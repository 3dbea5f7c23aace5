package kz.line102.callcenter.incident;

import tools.jackson.databind.JsonNode;

/**
 * What the operator fills in. Everything is taken as sent (strings for the enums,
 * raw JSON for the lists) so that a wrong value becomes a field error with a clear
 * message rather than an unreadable body.
 */
public record IncidentFields(String category, String typeCode, Integer priority, String callerNumber,
                             String callerName, String callerAddress, String sceneAddress, Double sceneLat,
                             Double sceneLon, Boolean sceneUnknown, String description, JsonNode persons,
                             JsonNode vehicles, String operatorNotes) {
}
