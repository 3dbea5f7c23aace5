package kz.line102.callcenter.dispatch;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of a unit's timeline: the state it entered, when, on whose word, for which card. */
public record UnitEvent(long id, long unitId, UnitStatus status, Instant at, String by, UUID incidentId, Double lat,
                        Double lon, Map<String, Object> detail) {
}
