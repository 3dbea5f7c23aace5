package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The language given to the browser at sign-in: after the session's cookie, and never at the cost
 * of the sign-in. With PostgreSQL away between the password check and this read, the sign-in goes
 * on in the browser's language and the failure is logged.
 */
class SignInLanguageTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SignInLanguage.class);
    private final CookieHttpSessionIdResolver sessionIds = new CookieHttpSessionIdResolver();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
        DefaultCookieSerializer cookies = new DefaultCookieSerializer();
        cookies.setUseBase64Encoding(false);
        sessionIds.setCookieSerializer(cookies);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logged);
    }

    private static MockHttpServletRequest signedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.getSession(true);
        return request;
    }

    @Test
    void theSavedLanguageFollowsTheSessionsCookie() {
        MockHttpServletRequest request = signedIn();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SignInLanguage(user -> Optional.of("kk"), sessionIds).restore(request, response, "desk-user");

        assertThat(response.getHeaders("Set-Cookie")).hasSize(2);
        assertThat(response.getHeaders("Set-Cookie").get(0)).startsWith("SESSION=" + request.getSession().getId());
        assertThat(response.getHeaders("Set-Cookie").get(1)).startsWith("line102.lang=kk");
    }

    @Test
    void aUserWhoNeverChoseKeepsTheBrowsersLanguage() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SignInLanguage(user -> Optional.empty(), sessionIds).restore(signedIn(), response, "desk-user");
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
    }

    @Test
    void aDatabaseAwayIsLoggedAndTheSignInGoesOnInTheBrowsersLanguage() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        SignInLanguage language = new SignInLanguage(user -> {
            throw new DataAccessResourceFailureException("Connection refused");
        }, sessionIds);

        language.restore(signedIn(), response, "desk-user");

        assertThat(response.getHeaders("Set-Cookie")).as("nothing written: the session's cookie comes at commit")
                .isEmpty();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("user=desk-user").contains("Connection refused");
        });
    }
}
