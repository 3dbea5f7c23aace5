package kz.line102.callcenter.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console page is for operators, the archive page for auditors; anyone else is sent
 * to sign in or refused.
 */
@CallcenterTest
class ConsoleAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @Test
    void onlyOperatorsGetTheConsole() {
        Api api = new Api(port);
        Api.user(users, "console-access-admin", Role.ADMIN);
        Response operator = api.get("/console", Api.user(users, "console-access-op", Role.OPERATOR));
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.body()).contains("/console/console.js").contains("Линия 102");
        assertThat(operator.header("Content-Security-Policy")).contains("default-src 'self'");

        for (Role role : new Role[] {Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN, Role.METRICS}) {
            Response r = api.get("/console", Api.user(users, "console-access-" + role.name().toLowerCase(), role));
            assertThat(r.status()).as(role.name()).isEqualTo(403);
        }
        // A browser (asking for HTML) is sent to the sign-in form.
        Response anonymous = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/console"))
                .header("Accept", "text/html").build());
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }

    @Test
    void onlyAuditorsGetTheArchivePage() {
        Api api = new Api(port);
        Api.user(users, "archive-page-access-admin", Role.ADMIN);
        String auditor = Api.user(users, "archive-page-access-auditor", Role.AUDITOR);
        Response page = api.get("/archive", auditor);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/archive/archive.js").contains("Линия 102");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(api.get("/archive/archive.js", auditor).status()).isEqualTo(200);

        for (Role role : new Role[] {Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN, Role.METRICS}) {
            String user = Api.user(users, "archive-page-access-" + role.name().toLowerCase(), role);
            assertThat(api.get("/archive", user).status()).as(role.name()).isEqualTo(403);
            assertThat(api.get("/archive/archive.js", user).status()).as(role.name()).isEqualTo(403);
        }
        Response anonymous = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/archive"))
                .header("Accept", "text/html").build());
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }
}
