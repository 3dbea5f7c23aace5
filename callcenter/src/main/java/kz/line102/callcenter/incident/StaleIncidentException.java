package kz.line102.callcenter.incident;

import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** Someone changed the card since the sender read it: their change is refused, never merged blindly. */
public class StaleIncidentException extends ProblemException {

    private final int currentVersion;

    public StaleIncidentException(Object id, int sent, int currentVersion) {
        super(HttpStatus.CONFLICT, ProblemCodes.STALE_VERSION, "incident card " + id + " was changed by someone else (version "
                + sent + " was sent, it is now at version " + currentVersion + "): reload it and apply the change again");
        this.currentVersion = currentVersion;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("currentVersion", currentVersion);
    }
}
