package kz.line102.callcenter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A user-supplied name as a Redis key part: itself when plain, else a digest (no key injection, bounded length). */
public final class SafeKeys {

    private static final Pattern PLAIN = Pattern.compile("[a-z0-9._@:-]{1,64}");

    private SafeKeys() {
    }

    public static String of(String text) {
        String lower = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (PLAIN.matcher(lower).matches()) {
            return lower;
        }
        try {
            return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(lower.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
