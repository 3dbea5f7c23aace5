package kz.line102.callcenter.app;

import kz.line102.cti.LogMask;

/**
 * Caller numbers as log lines show them: masked but for the last digits, unless a
 * debugging session switched full numbers on
 * ({@code line102.callcenter.security.need-to-know.log-full-numbers}). Request URIs
 * and texts (event lines, messages) are masked the same way, since numbers travel in
 * them. The masking itself is the bridge's {@link LogMask}, so both mask alike.
 */
public final class PersonalData {

    /** Digits left readable: enough to tell two calls apart on a screen of log lines. */
    static final int VISIBLE_DIGITS = LogMask.VISIBLE_DIGITS;

    private PersonalData() {
    }

    /** For log lines: {@code +77172123456} → {@code ***3456}; null or blank → {@code -}. */
    public static String number(String raw) {
        return LogMask.number(raw);
    }

    /** For log lines: the request URI with any phone number in it masked. */
    public static String uri(String uri) {
        return LogMask.text(uri);
    }

    /** For log lines: any text (a whole event, a message, an exception's message) with its numbers masked. */
    public static String text(String text) {
        return LogMask.text(text);
    }

    /** For log lines: an object's {@code toString()} with its numbers masked. */
    public static String text(Object value) {
        return value == null ? null : LogMask.text(value.toString());
    }

    /** Always masked, whatever the log switch says (audit entries, problem documents). */
    public static String mask(String raw) {
        return LogMask.mask(raw);
    }

    public static void showFullNumbers(boolean on) {
        LogMask.showFullNumbers(on);
    }

    static boolean showingFullNumbers() {
        return LogMask.showingFullNumbers();
    }
}
