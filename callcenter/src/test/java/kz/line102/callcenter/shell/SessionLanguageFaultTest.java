package kz.line102.callcenter.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import kz.line102.callcenter.app.ProblemException;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * PostgreSQL away when the language is switched: the answer is a problem (503
 * {@code language-not-saved}) the page logs and goes on with, the browser keeps its cookie, and
 * nothing else is touched.
 */
class SessionLanguageFaultTest {

    @Test
    void aDatabaseAwayIsAProblemNotAFailureOfThePage() {
        UserService users = mock(UserService.class);
        doThrow(new CannotGetJdbcConnectionException("Connection refused")).when(users)
                .chooseLanguage("desk-user", "kk");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> new SessionLanguageController(users).choose(
                new SessionLanguageController.LanguageChoice("kk"), new TestingAuthenticationToken("desk-user", null),
                new MockHttpServletRequest(), response))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(p.code()).isEqualTo(ProblemCodes.LANGUAGE_NOT_SAVED);
                });
        assertThat(response.getHeaders("Set-Cookie")).isEmpty();
    }
}
