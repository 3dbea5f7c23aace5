package kz.line102.callcenter.app;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The one message bundle ({@code i18n/messages_{ru,kk,en}.properties}) for the server and the
 * pages, and the request's language: the cookie {@value #COOKIE} the pages' language switch
 * sets, else the best of Accept-Language, else Russian.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    static final String BASENAME = "i18n/messages";
    static final String COOKIE = Languages.COOKIE;
    static final Locale DEFAULT = Locale.forLanguageTag("ru");
    static final List<Locale> SUPPORTED = List.of(DEFAULT, Locale.forLanguageTag("kk"), Locale.ENGLISH);

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        // ru is the base language: a key missing in kk or en (the completeness test forbids it) falls back
        // to Russian, never to the JVM's own locale.
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(DEFAULT);
        // Every server-side text is a MessageFormat pattern ('' for an apostrophe), with or without arguments.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocaleFunction(I18nConfiguration::acceptLanguage);
        return resolver;
    }

    @Bean
    ProblemTexts problemTexts(MessageSource messageSource, LocaleResolver localeResolver) {
        ProblemTexts texts = new ProblemTexts(messageSource, localeResolver);
        ProblemTexts.install(texts);
        return texts;
    }

    static Locale acceptLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? DEFAULT : best;
        } catch (IllegalArgumentException e) {
            return DEFAULT; // a malformed header is no reason to refuse the request
        }
    }

    /** One of ru, kk, en for {@code locale}; anything else is Russian. */
    static String language(Locale locale) {
        String l = locale == null ? "" : locale.getLanguage();
        return SUPPORTED.stream().map(Locale::getLanguage).filter(l::equals).findFirst().orElse("ru");
    }
}
