package kz.line102.callcenter.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One card in the report, as the feed last saw it. {@code status} is where the card got
 * to (its outcome: {@code REGISTERED}, {@code DISPATCHED}, {@code ARRIVED},
 * {@code WORKED_OFF}, {@code CLOSED}) and {@code result} what was done; {@code units} are
 * the call signs sent to it; {@code repeatCount} the repeat calls about the same matter.
 * {@code cardVersion} is the card's version the line was made from.
 */
public record ReportLine(UUID incidentId, String kuiNumber, Instant registeredAt, String category, String typeCode,
                         Integer priority, String sceneAddress, boolean sceneUnknown, String callerNumber,
                         String callerName, String status, String result, List<String> units, int repeatCount,
                         Instant closedAt, int cardVersion) {

    public ReportLine {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
