package kz.line102.callcenter.install.preflight;

import java.util.List;
import java.util.Locale;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The preflight's words in Russian (the default), Kazakh and English: the {@code preflight.*}
 * keys of the one message bundle, {@code i18n/messages_*.properties}. Read here with a source of
 * its own (not the context's {@code messageSource}) because the preflight also runs at start-up,
 * outside any request, and picks its language from Accept-Language itself.
 */
final class PreflightTexts {

    static final List<String> LANGUAGES = List.of("ru", "kk", "en");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    PreflightTexts() {
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // Our own args are already text; MessageFormat would still read quotes in the patterns.
        source.setAlwaysUseMessageFormat(true);
    }

    /** The language of a request's Accept-Language among ours; Russian when none matches. */
    static Locale language(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
                if (best != null) {
                    return Locale.forLanguageTag(best);
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is no reason to refuse the report: the default language.
            }
        }
        return Locale.forLanguageTag("ru");
    }

    /** A text of the preflight's own (the command line's words), filled with {@code args}. */
    String text(String key, Locale locale, Object... args) {
        return source.getMessage(key, args, locale);
    }

    String message(Finding f, Locale locale) {
        return source.getMessage(f.messageKey(), f.args().toArray(), locale);
    }

    /** What to change, or null when the finding asks for nothing. */
    String fix(Finding f, Locale locale) {
        try {
            return source.getMessage(f.messageKey() + ".fix", f.args().toArray(), locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }
}
