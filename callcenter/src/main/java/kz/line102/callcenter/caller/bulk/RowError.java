package kz.line102.callcenter.caller.bulk;

/** A row that was not loaded, and why. */
public record RowError(long line, String reason) {
}
