package kz.line102.callcenter.app;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the API reports as an RFC 9457 problem: each subclass has one stable
 * kebab-case {@code code} clients may rely on.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<Object> args;

    /** {@code detail} is for the log; users read {@code problem.<code>} of the message bundle. */
    protected ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    /** {@code args} fill {@code {0}}, {@code {1}}… of {@code problem.<code>}: language-neutral values (names, numbers, codes). */
    protected ProblemException(HttpStatus status, String code, String detail, List<?> args) {
        super(detail);
        this.status = status;
        this.code = code;
        this.args = List.copyOf(args.stream().map(a -> a == null ? (Object) "" : a).toList());
    }

    /** The bundle key of the user's text: {@code problem.<code>} unless a subclass is more precise. */
    public String key() {
        return "problem." + code;
    }

    public List<Object> args() {
        return args;
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
