package kz.line102.callcenter.stats.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The words of the statistics' exports, ru (the default), kk and en, from the stats message files. */
final class StatsTexts {

    static final List<String> LANGS = List.of("ru", "kk", "en");
    private static final Map<String, StatsTexts> CACHE = new ConcurrentHashMap<>();

    private final String lang;
    private final Properties words;

    private StatsTexts(String lang, Properties words) {
        this.lang = lang;
        this.words = words;
    }

    static StatsTexts of(String lang) {
        String l = lang == null || !LANGS.contains(lang) ? "ru" : lang;
        return CACHE.computeIfAbsent(l, k -> new StatsTexts(k, load(k)));
    }

    private static Properties load(String lang) {
        Properties p = new Properties();
        String name = "/kz/line102/callcenter/stats/messages_" + lang + ".properties";
        try (Reader r = new InputStreamReader(StatsTexts.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(name + " is missing or unreadable", e);
        }
        return p;
    }

    String lang() {
        return lang;
    }

    String t(String key) {
        return words.getProperty(key, key);
    }
}
