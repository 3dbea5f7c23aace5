package kz.line102.callcenter.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Renders a problem's {@code detail} from the message bundle ({@code problem.<code>}) in the
 * request's language. Static because the security filters that answer before any controller
 * (sign-in lockout, size limit, rate limit) are built with {@code new}, not by the container;
 * {@link I18nConfiguration} installs the one instance at start-up.
 */
public final class ProblemTexts {

    private static final AtomicReference<ProblemTexts> INSTALLED = new AtomicReference<>();

    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemTexts(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    static void install(ProblemTexts texts) {
        INSTALLED.set(texts);
    }

    /** The language of the request: the user's choice (cookie), else Accept-Language, else Russian. */
    public static Locale locale(HttpServletRequest request) {
        ProblemTexts texts = INSTALLED.get();
        return texts == null || request == null ? I18nConfiguration.DEFAULT : texts.locales.resolveLocale(request);
    }

    /** {@code key} of the bundle in {@code locale}, or {@code fallback} when there is no such key. */
    public static String text(String key, List<?> args, Locale locale, String fallback) {
        ProblemTexts texts = INSTALLED.get();
        if (texts == null) {
            return fallback;
        }
        try {
            return texts.messages.getMessage(key, args.toArray(), locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    /** The detail of problem {@code code} for the request; the English {@code fallback} only when the bundle lacks it. */
    public static String problem(String code, List<?> args, HttpServletRequest request, String fallback) {
        return text("problem." + code, args, locale(request), fallback);
    }

    /**
     * Field problems as an answer carries them: {@code field}, {@code code}, {@code args} and
     * {@code message} = {@code field.<code>} in {@code locale} (the English message when a problem
     * has no code or the bundle lacks it).
     */
    public static List<java.util.Map<String, Object>> fields(List<? extends FieldProblem> problems, Locale locale) {
        return problems.stream().map(f -> {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("field", f.field());
            m.put("message", f.code() == null ? f.message() : text("field." + f.code(), f.args(), locale, f.message()));
            if (f.code() != null) {
                m.put("code", f.code());
                m.put("args", f.args());
            }
            return m;
        }).toList();
    }
}
