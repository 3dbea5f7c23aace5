package kz.line102.callcenter.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import kz.line102.callcenter.incident.Incident;
import kz.line102.callcenter.incident.IncidentChange;
import org.springframework.http.HttpStatus;

/** {@code 409 report-signed}: the card's watch is signed off, so the card is frozen. */
public class ReportSignedException extends ProblemException {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    ReportSignedException(Incident card, LocalDate day, String signedBy, Instant signedAt, IncidentChange change) {
        super(HttpStatus.CONFLICT, ProblemCodes.REPORT_SIGNED, "incident card " + (card.kuiNumber() == null ? card.id()
                : card.kuiNumber()) + " belongs to the watch of " + day + ", whose daily report " + signedBy
                + " signed off at " + signedAt + "; the card can no longer be changed ("
                + change.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " by " + change.by()
                + " refused)");
        properties.put("watch", day.toString());
        properties.put("signedBy", signedBy);
        properties.put("signedAt", signedAt.toString());
        if (card.kuiNumber() != null) {
            properties.put("kuiNumber", card.kuiNumber());
        }
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
