package kz.line102.callcenter.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** {@code 409 report-already-signed}: the first sign-off stands; the answer names who made it. */
class ReportAlreadySignedException extends ProblemException {

    private final Map<String, Object> properties;

    ReportAlreadySignedException(LocalDate day, String signedBy, Instant signedAt) {
        super(HttpStatus.CONFLICT, ProblemCodes.REPORT_ALREADY_SIGNED, "the report of the watch of " + day
                + " was already signed off by " + signedBy + " at " + signedAt);
        this.properties = Map.of("watch", day.toString(), "signedBy", signedBy, "signedAt", signedAt.toString());
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
