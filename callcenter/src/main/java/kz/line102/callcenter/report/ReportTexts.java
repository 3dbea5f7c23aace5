package kz.line102.callcenter.report;

import java.util.Locale;
import java.util.Map;

import kz.line102.callcenter.app.DocumentTexts;
import kz.line102.callcenter.app.InvalidRequestException;

/**
 * The words of the report's CSV and PDF in Russian (the default), Kazakh and English: the
 * {@code reports.doc.*} keys of the one message bundle.
 */
final class ReportTexts {

    static final String DEFAULT = DocumentTexts.DEFAULT;

    private final DocumentTexts words;

    private ReportTexts(DocumentTexts words) {
        this.words = words;
    }

    /** {@code lang} null or blank: Russian. */
    static ReportTexts of(String lang) {
        String l = lang == null || lang.isBlank() ? DEFAULT : lang.trim().toLowerCase(Locale.ROOT);
        if (!DocumentTexts.known(l)) {
            throw new InvalidRequestException("lang must be ru, kk or en, not '" + lang + "'");
        }
        return new ReportTexts(DocumentTexts.of("reports.doc.", l));
    }

    String lang() {
        return words.lang();
    }

    String t(String key) {
        return words.t(key);
    }

    /** The type's name in this language (Russian, then the code, where it has none). */
    String type(DailyReport report, String code) {
        if (code == null) {
            return "";
        }
        Map<String, String> names = report.types() == null ? null : report.types().get(code);
        if (names == null || names.isEmpty()) {
            return code;
        }
        return names.getOrDefault(lang(), names.getOrDefault(DEFAULT, code));
    }
}
