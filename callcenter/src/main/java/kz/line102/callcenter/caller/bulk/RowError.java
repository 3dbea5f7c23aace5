package kz.line102.callcenter.caller.bulk;

import java.util.List;

/**
 * A row that was not loaded, and why. {@code code} (with {@code args}) is what a page words in
 * its user's language ({@code admin.registry.error.<code>}); {@code field} names the column at
 * fault ({@code number}, {@code name}, {@code address}, {@code lat}, {@code lon}, {@code source})
 * or is null when the record as a whole is unreadable; {@code reason} is the same in English,
 * for API clients and the log.
 */
public record RowError(long line, String field, String code, List<Object> args, String reason) {

    public RowError {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
