package kz.line102.callcenter.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.callcenter.app.ProblemTexts;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The few pages the server writes itself (sign-in, 403, 404, other errors): {@code shell/<name>.html}
 * with {@code {{key}}} replaced by the bundle's text in the request's language (so they read right
 * before any script runs) and {@code {{csrf}}} by the form's token. page.js re-translates them
 * ({@code data-c} attributes) when the language is switched.
 */
@Component
class ShellTemplates {

    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z0-9.\\-]+)}}");
    private final Map<String, String> sources = new ConcurrentHashMap<>();

    String render(String name, Locale locale, String csrf) {
        String source = sources.computeIfAbsent(name, ShellTemplates::load);
        Matcher m = SLOT.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = switch (key) {
                case "csrf" -> csrf;
                case "lang" -> locale.getLanguage();
                default -> ProblemTexts.text(key, List.of(), locale, key);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(HtmlUtils.htmlEscape(value, "UTF-8")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String load(String name) {
        try {
            return new ClassPathResource("shell/" + name + ".html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("page template " + name + " missing", e);
        }
    }
}
