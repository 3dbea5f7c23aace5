package kz.line102.callcenter.alert;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A condition someone wants the duty officer to see.
 *
 * @param dedupKey   names the condition: raising the same key again (another node, a
 *                   restart, a retried route) returns the first alert instead of a second
 * @param kind       a stable kebab-case code, e.g. {@code incident-serious}, {@code unit-late}
 * @param title      one line for the screen, in the language of the centre
 * @param detail     what the screen and the outbound endpoint may show beside the title
 * @param incidentId the incident card concerned, if any
 * @param raisedBy   {@code system} or the user whose action raised it
 */
public record AlertRequest(String dedupKey, String kind, Severity severity, String title,
                           Map<String, Object> detail, UUID incidentId, String raisedBy) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public AlertRequest {
        Objects.requireNonNull(severity, "severity");
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > 200) {
            throw new IllegalArgumentException("an alert needs a dedup key of 1 to 200 characters");
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("alert kind must be kebab-case, got '" + kind + "'");
        }
        if (title == null || title.isBlank() || title.length() > 500) {
            throw new IllegalArgumentException("an alert needs a title of 1 to 500 characters");
        }
        detail = detail == null ? Map.of() : Map.copyOf(detail);
        raisedBy = raisedBy == null || raisedBy.isBlank() ? "system" : raisedBy;
    }
}
