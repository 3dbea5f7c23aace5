package kz.line102.callcenter.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;


/**
 * The watch's words in ru, kk and en for its PDF and CSV: the {@code watch.*} keys of the one
 * message bundle, the same texts the page shows.
 */
record WatchTexts(String lang, Map<String, String> words, Map<String, String> russian) {

    private static final String PREFIX = "watch.";
    private static final Map<String, Map<String, String>> ALL = load();

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> all = new java.util.HashMap<>();
        for (String lang : java.util.List.of("ru", "kk", "en")) {
            String file = "/i18n/messages_" + lang + ".properties";
            try (InputStream in = WatchTexts.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing from the application's resources");
                }
                java.util.Properties p = new java.util.Properties();
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                Map<String, String> words = new java.util.HashMap<>();
                p.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                        .forEach(k -> words.put(k.substring(PREFIX.length()), p.getProperty(k)));
                all.put(lang, Map.copyOf(words));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(all);
    }

    /** {@code ru} (the default), {@code kk} or {@code en}; anything else is Russian. */
    static WatchTexts of(String lang) {
        String l = lang != null && ALL.containsKey(lang) ? lang : "ru";
        return new WatchTexts(l, ALL.get(l), ALL.get("ru"));
    }

    String t(String key) {
        return words.getOrDefault(key, russian.getOrDefault(key, key));
    }
}
