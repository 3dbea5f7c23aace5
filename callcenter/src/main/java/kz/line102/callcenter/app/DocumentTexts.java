package kz.line102.callcenter.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of a document the server writes (a PDF, a CSV) in Russian (the default), Kazakh or
 * English: the keys under one prefix of the one message bundle ({@code i18n/messages_*}), so a
 * document says what its page says. Read once from the bundle files, not through the context's
 * message source: documents are also written outside any request (sign-off snapshots, jobs).
 */
public final class DocumentTexts {

    public static final String DEFAULT = "ru";
    public static final List<String> LANGUAGES = List.of("ru", "kk", "en");
    private static final Map<String, Properties> BUNDLE = load();

    private final String prefix;
    private final String lang;

    private DocumentTexts(String prefix, String lang) {
        this.prefix = prefix;
        this.lang = lang;
    }

    /** The texts under {@code prefix} (e.g. {@code "reports.doc."}) in {@code lang}; Russian for null, blank or unknown. */
    public static DocumentTexts of(String prefix, String lang) {
        String l = lang == null ? "" : lang.trim().toLowerCase(Locale.ROOT);
        return new DocumentTexts(prefix, known(l) ? l : DEFAULT);
    }

    public static boolean known(String lang) {
        return lang != null && LANGUAGES.contains(lang);
    }

    public String lang() {
        return lang;
    }

    /** The word for {@code key}: in this language, else in Russian, else the key itself. */
    public String t(String key) {
        if (key == null) {
            return "";
        }
        String word = BUNDLE.get(lang).getProperty(prefix + key);
        return word != null ? word : BUNDLE.get(DEFAULT).getProperty(prefix + key, key);
    }

    private static Map<String, Properties> load() {
        Map<String, Properties> all = new HashMap<>();
        for (String lang : LANGUAGES) {
            String file = "/i18n/messages_" + lang + ".properties";
            try (InputStream in = DocumentTexts.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing from the application's resources");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                all.put(lang, p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(all);
    }
}
