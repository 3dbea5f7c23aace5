package kz.line102.callcenter.queue;

import java.util.List;
import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/** A queue configuration that was not saved; every violation is listed. */
public class InvalidQueueConfigException extends ProblemException {

    private final List<String> violations;

    public InvalidQueueConfigException(List<String> violations) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-queue-config",
                "the queue configuration was not saved: " + violations.size() + " problem(s)");
        this.violations = List.copyOf(violations);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("violations", violations);
    }
}
