package kz.line102.callcenter.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each user's language kept with the account: saved by {@code PUT /api/v1/session/language}
 * (CSRF like every page call), refused with a problem when it is none of ours, given to the
 * browser at each form sign-in (after the session's own cookie, which stays the first), and on a
 * browser two users share, each gets their own.
 */
@CallcenterTest
class UserLanguageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** A browser's cookies as it would send them: the session's and, once set, the language's. */
    private static final class Jar {
        String session;
        String language;

        String header() {
            return language == null ? session : session + "; " + language;
        }
    }

    /** The sign-in form as a browser posts it, from a browser holding {@code jar}; every Set-Cookie of the answer. */
    private List<String> signIn(Jar jar, String user) {
        HttpRequest.Builder page = HttpRequest.newBuilder(URI.create(api.base() + "/login"));
        if (jar.language != null) {
            page.header("Cookie", jar.language);
        }
        Response form = api.send(page.build());
        jar.session = Api.cookie(form);
        Matcher m = CSRF.matcher(form.body());
        assertThat(m.find()).isTrue();
        Response ok = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", jar.header())
                .POST(BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(Api.PASSWORD)
                        + "&_csrf=" + enc(m.group(1))))
                .build());
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).doesNotContain("error");
        List<String> set = ok.raw().headers().allValues("Set-Cookie");
        jar.session = Api.cookie(ok);
        set.stream().filter(c -> c.startsWith("line102.lang=")).findFirst()
                .ifPresent(c -> jar.language = c.split(";", 2)[0]);
        return set;
    }

    private Response put(Jar jar, String body, String csrf, String acceptLanguage) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/session/language"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Cookie", jar.header()).PUT(BodyPublishers.ofString(body));
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return api.send(b.build());
    }

    private Response session(Jar jar) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/session"))
                .header("Accept", "application/json").header("Cookie", jar.header()).build());
    }

    @Test
    void theChoiceIsSavedWithTheAccountAndTheNextSignInSetsTheBrowsersCookieFromIt() {
        String user = Api.user(users, "lang-save-operator", Role.OPERATOR);
        Jar browser = new Jar();
        List<String> first = signIn(browser, user);
        assertThat(first).as("none chosen yet: the browser keeps its own").noneMatch(c -> c.startsWith("line102.lang="));
        Response s = session(browser);
        assertThat(s.json().path("userLanguage").isNull()).isTrue();
        String csrf = s.json().path("csrfToken").asString();

        assertThat(put(browser, "{\"language\":\"kk\"}", null, null).status()).as("no CSRF token").isEqualTo(403);
        assertThat(users.language(user)).isEmpty();
        Response saved = put(browser, "{\"language\":\"kk\"}", csrf, null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(204);
        assertThat(users.language(user)).contains("kk");
        assertThat(session(browser).json().path("userLanguage").asString()).isEqualTo("kk");

        Jar another = new Jar();
        List<String> set = signIn(another, user);
        assertThat(set.get(0)).as("the session's cookie stays the first").doesNotStartWith("line102.lang=");
        assertThat(another.session).isNotNull().doesNotStartWith("line102.lang=");
        assertThat(set).anyMatch(c -> c.startsWith("line102.lang=kk;") && c.contains("Path=/")
                && !c.contains("HttpOnly"));
        assertThat(session(another).json().path("language").asString()).as("the server speaks it too").isEqualTo("kk");
    }

    @Test
    void aLanguageThatIsNoneOfOursIsRefusedWithAProblemAndNothingChanges() {
        String user = Api.user(users, "lang-bad-operator", Role.OPERATOR);
        users.chooseLanguage(user, "en");
        Jar browser = new Jar();
        signIn(browser, user);
        String csrf = session(browser).json().path("csrfToken").asString();

        Response de = put(browser, "{\"language\":\"de\"}", csrf, "kk");
        assertThat(de.status()).isEqualTo(400);
        assertThat(de.code()).isEqualTo("unsupported-language");
        assertThat(de.json().path("args").get(0).asString()).isEqualTo("de");
        assertThat(de.json().path("detail").asString()).as("in the request's language (the cookie: en)")
                .isEqualTo("Language 'de' is not available; choose one of: ru, kk, en.");
        Response none = put(browser, "{}", csrf, null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.code()).isEqualTo("unsupported-language");
        Response array = put(browser, "{\"language\":[\"kk\"]}", csrf, null);
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.code()).isEqualTo("invalid-request");
        assertThat(array.body()).doesNotContain("java.", "Cannot deserialize");
        assertThat(users.language(user)).contains("en");
    }

    @Test
    void twoUsersOnOneBrowserEachGetTheirOwnLanguage() {
        String first = Api.user(users, "lang-desk-first", Role.OPERATOR);
        String second = Api.user(users, "lang-desk-second", Role.SUPERVISOR);
        String newcomer = Api.user(users, "lang-desk-newcomer", Role.OPERATOR);
        users.chooseLanguage(second, "ru");
        Jar desk = new Jar();

        signIn(desk, first);
        String csrf = session(desk).json().path("csrfToken").asString();
        assertThat(put(desk, "{\"language\":\"kk\"}", csrf, null).status()).isEqualTo(204);
        desk.language = "line102.lang=kk"; // as the page's switch set it in the browser

        signIn(desk, second);
        assertThat(desk.language).isEqualTo("line102.lang=ru");
        assertThat(session(desk).json().path("language").asString()).isEqualTo("ru");

        signIn(desk, first);
        assertThat(desk.language).isEqualTo("line102.lang=kk");
        assertThat(session(desk).json().path("language").asString()).isEqualTo("kk");

        // Someone who never chose keeps what the browser shows: the sign-in page's language.
        List<String> set = signIn(desk, newcomer);
        assertThat(set).noneMatch(c -> c.startsWith("line102.lang="));
        assertThat(session(desk).json().path("language").asString()).isEqualTo("kk");
        assertThat(users.language(newcomer)).isEmpty();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
