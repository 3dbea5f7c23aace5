package kz.line102.callcenter.stats.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the statistics' exports, ru (the default), kk and en: the {@code stats.*}
 * keys of the one message bundle, the same texts the statistics page shows.
 */
final class StatsTexts {

    static final List<String> LANGS = List.of("ru", "kk", "en");
    static final String PREFIX = "stats.";
    private static final Map<String, StatsTexts> ALL = load();

    private final String lang;
    private final Map<String, String> words;
    private final Map<String, String> russian;

    private StatsTexts(String lang, Map<String, String> words, Map<String, String> russian) {
        this.lang = lang;
        this.words = words;
        this.russian = russian;
    }

    private static Map<String, StatsTexts> load() {
        Map<String, Map<String, String>> words = new HashMap<>();
        for (String lang : LANGS) {
            String file = "/i18n/messages_" + lang + ".properties";
            try (InputStream in = StatsTexts.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing from the application's resources");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> w = new HashMap<>();
                p.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX))
                        .forEach(k -> w.put(k.substring(PREFIX.length()), p.getProperty(k)));
                words.put(lang, Map.copyOf(w));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, StatsTexts> all = new HashMap<>();
        LANGS.forEach(l -> all.put(l, new StatsTexts(l, words.get(l), words.get("ru"))));
        return Map.copyOf(all);
    }

    static StatsTexts of(String lang) {
        return ALL.get(lang != null && ALL.containsKey(lang) ? lang : "ru");
    }

    String lang() {
        return lang;
    }

    String t(String key) {
        return words.getOrDefault(key, russian.getOrDefault(key, key));
    }
}
