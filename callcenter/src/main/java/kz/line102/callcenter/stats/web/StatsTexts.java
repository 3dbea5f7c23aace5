package kz.line102.callcenter.stats.web;

import kz.line102.callcenter.app.DocumentTexts;

/**
 * The words of the statistics' exports, ru (the default), kk and en: the {@code stats.*}
 * keys of the one message bundle, the same texts the statistics page shows.
 */
final class StatsTexts {

    static final String PREFIX = "stats.";

    private final DocumentTexts words;

    private StatsTexts(DocumentTexts words) {
        this.words = words;
    }

    static StatsTexts of(String lang) {
        return new StatsTexts(DocumentTexts.of(PREFIX, lang));
    }

    String lang() {
        return words.lang();
    }

    String t(String key) {
        return words.t(key);
    }
}
