package kz.line102.callcenter.app;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The languages users read (ru, kk, en) and the cookie {@value #COOKIE} that carries a browser's
 * choice to the server ({@link I18nConfiguration}) and to the pages ({@code common/page.js}).
 */
public final class Languages {

    public static final String COOKIE = "line102.lang";
    /** Every language of the message bundle; the first is the default. */
    public static final List<String> SUPPORTED = List.of("ru", "kk", "en");

    private Languages() {
    }

    public static boolean supported(String language) {
        return language != null && SUPPORTED.contains(language);
    }

    /**
     * Sets the browser's language as the pages' switch does: for a year, on every path, readable by
     * the pages' scripts (not HttpOnly: page.js reads it), Secure when the request came over TLS.
     */
    public static void remember(HttpServletRequest request, HttpServletResponse response, String language) {
        if (!supported(language)) {
            throw new IllegalArgumentException("not a language of ours: " + language);
        }
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath("/");
        cookie.setMaxAge(31_536_000);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
