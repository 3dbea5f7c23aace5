package kz.line102.callcenter.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The card is not in a state that allows the request. Codes: {@code already-submitted}
 * (a second submit: {@code status} and {@code kuiNumber} say where the first one got),
 * {@code illegal-transition}, {@code not-a-draft}, {@code incident-closed}.
 */
public class IncidentStateException extends ProblemException {

    private final Incident incident;
    private final String key;

    public IncidentStateException(String code, String detail, Incident incident) {
        super(HttpStatus.CONFLICT, code, detail);
        this.incident = incident;
        this.key = null;
    }

    /** The user's text is {@code key} of the message bundle, filled with {@code args}. */
    public IncidentStateException(String code, String detail, Incident incident, String key, java.util.List<?> args) {
        super(HttpStatus.CONFLICT, code, detail, args);
        this.incident = incident;
        this.key = key;
    }

    @Override
    public String key() {
        return key == null ? super.key() : key;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", incident.status().name());
        p.put("version", incident.version());
        if (incident.kuiNumber() != null) {
            p.put("kuiNumber", incident.kuiNumber());
        }
        return p;
    }
}
