package kz.line102.callcenter.install.preflight;

import java.util.List;
import java.util.Locale;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The preflight's words in Russian (the default), Kazakh and English, from
 * {@code kz/line102/callcenter/install/preflight/messages*.properties}. The pages keep their
 * words in their own scripts, which the server cannot read, and the application has no
 * MessageSource of its own: this one is the feature's and is not a bean, so it does not
 * become the context's {@code messageSource}.
 */
final class PreflightTexts {

    static final List<String> LANGUAGES = List.of("ru", "kk", "en");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    PreflightTexts() {
        source.setBasename("i18n/messages"); // the one bundle (the preflight's keys are preflight.*)
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
