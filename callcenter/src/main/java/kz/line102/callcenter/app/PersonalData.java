package kz.line102.callcenter.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Caller numbers as log lines show them: masked but for the last digits, unless a
 * debugging session switched full numbers on
 * ({@code line102.callcenter.security.need-to-know.log-full-numbers}). Request URIs
 * are masked the same way, since numbers travel in paths and query strings.
 */
public final class PersonalData {

    /** Digits left readable: enough to tell two calls apart on a screen of log lines. */
    static final int VISIBLE_DIGITS = 4;
    /**
     * A run of 7 or more digits (a phone number, raw or E.164, possibly URL-encoded
     * {@code %2B}) that is not part of a longer token such as a UUID or a hex hash.
     */
    private static final Pattern NUMBER_IN_TEXT =
            Pattern.compile("(?<![0-9A-Za-z_-])(?:\\+|%2B|%2b)?\\d{7,}(?![0-9A-Za-z_-])");

    private static volatile boolean fullNumbers;

    private PersonalData() {
    }

    /** For log lines: {@code +77172123456} → {@code ***3456}; null or blank → {@code -}. */
    public static String number(String raw) {
        if (raw == null || raw.isBlank()) {
            return "-";
        }
        return fullNumbers ? raw : mask(raw);
    }

    /** For log lines: the request URI with any phone number in it masked. */
    public static String uri(String uri) {
        if (uri == null || fullNumbers) {
            return uri;
        }
        Matcher m = NUMBER_IN_TEXT.matcher(uri);
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

    public static void showFullNumbers(boolean on) {
        fullNumbers = on;
    }

    static boolean showingFullNumbers() {
        return fullNumbers;
    }
}
