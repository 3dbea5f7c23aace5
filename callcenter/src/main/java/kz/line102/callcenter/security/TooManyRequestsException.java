package kz.line102.callcenter.security;

import java.util.Map;

import kz.line102.callcenter.app.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * 429 with a stable code; {@code retryAfterSeconds} becomes the {@code Retry-After}
 * header (app.ProblemHandler) and stays in the problem document for clients.
 */
public class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String code, String detail, long retryAfterMillis) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, detail);
        this.retryAfterSeconds = Math.max(1, (retryAfterMillis + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("retryAfterSeconds", retryAfterSeconds);
    }
}
