package kz.line102.callcenter.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import kz.line102.callcenter.testing.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API document and Swagger UI: IT staff read them, nobody else; the document names both
 * ways to sign in and the one problem shape with every code; the UI works under the page's
 * Content-Security-Policy.
 */
@CallcenterTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private Api api;
    private String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.user(users, "apidoc-admin", Role.ADMIN);
    }

    @Test
    void theDocumentNamesBothSignInsAndEveryProblemCode() {
        Response doc = api.get("/v3/api-docs", admin);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode json = doc.json();
        JsonNode schemes = json.path("components").path("securitySchemes");
        assertThat(schemes.path("basic").path("type").asString()).isEqualTo("http");
        assertThat(schemes.path("basic").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("session").path("type").asString()).isEqualTo("apiKey");
        assertThat(schemes.path("session").path("in").asString()).isEqualTo("cookie");

        JsonNode code = json.path("components").path("schemas").path("Problem").path("properties").path("code");
        List<String> codes = new ArrayList<>();
        code.path("enum").forEach(c -> codes.add(c.asString()));
        assertThat(codes).contains("invalid-request", "invalid-parameter", "request-rejected", "not-found",
                "archive-request-required", "archive-request-invalid", "range-not-satisfiable");
        assertThat(codes).allSatisfy(c -> assertThat(c).matches("[a-z0-9-]+"));
        assertThat(code.path("description").asString()).contains("`archive-request-required`: ");

        JsonNode search = json.path("paths").path("/api/v1/archive/recordings").path("get");
        assertThat(search.path("parameters").toString()).contains("\"kui\"");
        assertThat(search.path("responses").path("default").path("content").path("application/problem+json")
                .path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(search.path("responses").has("403")).isTrue();
        assertThat(json.path("paths").has("/api/v1/routing/rules")).isTrue();
        assertThat(doc.body()).doesNotContain("/actuator");
    }

    @Test
    void onlyItStaffReadTheDocumentAndTheUi() {
        for (Role role : List.of(Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR)) {
            String user = Api.user(users, "apidoc-" + role.name().toLowerCase(), role);
            assertThat(api.get("/v3/api-docs", user).status()).as(role + " document").isEqualTo(403);
            assertThat(api.get("/swagger-ui/index.html", user).status()).as(role + " UI").isEqualTo(403);
        }
        assertThat(api.get("/v3/api-docs", null).status()).isIn(302, 401);
        assertThat(api.get("/swagger-ui/index.html", admin).status()).isEqualTo(200);
    }

    @Test
    void swaggerUiShowsTheOperationsUnderThePagesContentSecurityPolicy() {
        Response ui = api.get("/swagger-ui/index.html", admin);
        // Scripts from this origin only, as on every page; only styles and data: icons are let in for the UI.
        assertThat(ui.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("script-src", "unsafe-eval");
        assertThat(api.get("/api/v1/session", admin).header("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'");
        ChromeDriver browser = Browser.start();
        try {
            Browser.signIn(browser, port, "/swagger-ui/index.html", admin);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> browser.findElements(By.cssSelector(".opblock")).size() > 10);
            assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("Line 102 API");
            List<LogEntry> errors = browser.manage().logs().get("browser").getAll().stream()
                    .filter(l -> l.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(errors).as("console errors (CSP violations among them)").isEmpty();
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(Browser.dump(browser), e);
        } finally {
            browser.quit();
        }
    }
}
