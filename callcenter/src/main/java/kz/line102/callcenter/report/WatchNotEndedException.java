package kz.line102.callcenter.report;

import java.time.LocalDate;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** {@code 409 watch-not-ended}: a watch's report is signed off only after the watch has handed over. */
class WatchNotEndedException extends ProblemException {

    private final Map<String, Object> properties;

    WatchNotEndedException(LocalDate day, String endsAt) {
        super(HttpStatus.CONFLICT, ProblemCodes.WATCH_NOT_ENDED, "the watch of " + day + " runs until " + endsAt
                + "; its report is signed off after the hand-over");
        this.properties = Map.of("watch", day.toString(), "endsAt", endsAt);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
