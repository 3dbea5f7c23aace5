package kz.line102.callcenter.app;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the API reports as an RFC 9457 problem: each subclass has one stable
 * kebab-case {@code code} clients may rely on.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    protected ProblemException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the problem document (for example the rows loaded before a failure). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
