package kz.line102.cti;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Caller numbers as log lines show them: masked but for the last digits ({@code ***3456}),
 * in a single value or anywhere in a text (an event's line, a message, a URI), unless a
 * debugging session switched full numbers on. The one implementation for the bridge and
 * the application ({@code callcenter.app.PersonalData} delegates here).
 */
public final class LogMask {

    /** Digits left readable: enough to tell two calls apart on a screen of log lines. */
    public static final int VISIBLE_DIGITS = 4;
    /**
     * A run of 7 or more digits (a phone number, raw or E.164, possibly URL-encoded
     * {@code %2B}) that starts a token (not inside a UUID or a hex hash) and is not an id
     * with a suffix ({@code 1733312345678-0}). Letters may follow: {@code 87011234567abc}
     * still shows a number. A hex hash that happens to start with seven digits loses them
     * in the log, which costs nothing.
     */
    private static final Pattern NUMBER_IN_TEXT =
            Pattern.compile("(?<![0-9A-Za-z_-])(?:\\+|%2B|%2b)?\\d{7,}(?![0-9_-])");

    private static volatile boolean fullNumbers;

    private LogMask() {
    }

    /** For log lines: {@code +77172123456} → {@code ***3456}; null or blank → {@code -}. */
    public static String number(String raw) {
        if (raw == null || raw.isBlank()) {
            return "-";
        }
        return fullNumbers ? raw : mask(raw);
    }

    /** For log lines: {@code text} with every phone number in it masked. */
    public static String text(String text) {
        if (text == null || fullNumbers) {
            return text;
        }
        Matcher m = NUMBER_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Always masked, whatever the log switch says (audit entries, problem documents). */
    public static String mask(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() <= VISIBLE_DIGITS) {
            return "***";
        }
        return "***" + digits.substring(digits.length() - VISIBLE_DIGITS);
    }

    /** A debugging session only: numbers in full in every log line of this JVM. */
    public static void showFullNumbers(boolean on) {
        fullNumbers = on;
    }

    public static boolean showingFullNumbers() {
        return fullNumbers;
    }
}
