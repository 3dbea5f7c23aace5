package kz.line102.callcenter.app;

import java.util.regex.Pattern;

/**
 * Secrets as configuration records print them: never. A password in a URI's user part or
 * in a query parameter whose name says secret ({@code authPassword=}, {@code token=},
 * {@code apiKey=}) is replaced by {@code ***}, the rest is kept so a log still tells where.
 */
public final class Secrets {

    private static final Pattern USER_INFO = Pattern.compile("(://[^/:@?#]*):[^@/?#]*@");
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&][^=&]*(?:pass|secret|token|key|auth)[^=&]*=)(?!RAW\\(\\*\\*\\*)[^&]*");

    private Secrets() {
    }

    /** {@code ***} for a set secret, {@code ""} for none: whether it is set is still worth knowing. */
    public static String hidden(String secret) {
        return secret == null || secret.isEmpty() ? "\"\"" : "***";
    }

    /** The URI with any password or secret-looking parameter replaced by {@code ***}. */
    public static String uri(String uri) {
        if (uri == null) {
            return null;
        }
        return SECRET_PARAM.matcher(USER_INFO.matcher(uri).replaceAll("$1:***@")).replaceAll("$1***");
    }
}
