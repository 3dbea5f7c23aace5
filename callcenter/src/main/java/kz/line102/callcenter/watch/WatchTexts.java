package kz.line102.callcenter.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The watch's words in ru, kk and en for its PDF and CSV. They live in one place with the
 * page's: {@code static/watch/texts.json}, which the page loads too (to be moved into the
 * shared message bundle).
 */
record WatchTexts(String lang, Map<String, String> words, Map<String, String> russian) {

    static final String FILE = "/static/watch/texts.json";
    private static final Map<String, Map<String, String>> ALL = load();

    private static Map<String, Map<String, String>> load() {
        try (InputStream in = WatchTexts.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the application's resources");
            }
            return JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, Map<String, String>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
