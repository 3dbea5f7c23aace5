package kz.line102.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each page is for one role: the console for operators, the archive for auditors, the
 * duty officer's screen for supervisors; anyone else is sent to sign in or refused,
 * page and scripts alike.
 */
@CallcenterTest
class ConsoleAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @Test
    void onlyOperatorsGetTheConsole() {
        onlyOneRoleGets("/console", "/console/console.js", Role.OPERATOR);
    }

    @Test
    void onlyAuditorsGetTheArchivePage() {
        onlyOneRoleGets("/archive", "/archive/archive.js", Role.AUDITOR);
    }

    @Test
    void onlySupervisorsGetTheDutyOfficersScreen() {
        onlyOneRoleGets("/supervisor", "/supervisor/supervisor.js", Role.SUPERVISOR);
    }

    @Test
    void theIncidentCardScriptsFollowTheirPages() {
        onlyOneRoleGets("/console", "/console/incident.js", Role.OPERATOR);
        onlyOneRoleGets("/supervisor", "/supervisor/cards.js", Role.SUPERVISOR);
    }

    @Test
    void onlyItStaffGetTheDeadLettersPage() {
        onlyOneRoleGets("/admin/dead-letters", "/admin/dead-letters/dead-letters.js", Role.ADMIN);
    }

    @Test
    void onlySupervisorsGetTheDailyReportPage() {
        onlyOneRoleGets("/reports", "/reports/reports.js", Role.SUPERVISOR);
    }

    private void onlyOneRoleGets(String page, String script, Role role) {
        Api api = new Api(port);
        String prefix = "page-" + page.substring(1).replace('/', '-') + "-";
        Api.user(users, prefix + "admin", Role.ADMIN);
        String allowed = Api.user(users, prefix + role.name().toLowerCase(Locale.ROOT), role);
        Response ok = api.get(page, allowed);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("Линия 102");
        // The page names the script, or one of the page's own modules imports it.
        StringBuilder loaded = new StringBuilder(ok.body());
        java.util.regex.Matcher src = java.util.regex.Pattern.compile("src=\"(/[^\"]+\\.js)\"").matcher(ok.body());
        while (src.find()) {
            loaded.append(api.get(src.group(1), allowed).body());
        }
        assertThat(loaded.toString()).contains(script);
        assertThat(ok.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(api.get(script, allowed).status()).isEqualTo(200);

        for (Role other : Role.values()) {
            if (other == role) {
                continue;
            }
            String user = Api.user(users, prefix + other.name().toLowerCase(Locale.ROOT), other);
            assertThat(api.get(page, user).status()).as(other.name()).isEqualTo(403);
            assertThat(api.get(script, user).status()).as(other.name()).isEqualTo(403);
        }
        Response anonymous = api.send(HttpRequest.newBuilder(URI.create(api.base() + page))
                .header("Accept", "text/html").build());
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }
}
