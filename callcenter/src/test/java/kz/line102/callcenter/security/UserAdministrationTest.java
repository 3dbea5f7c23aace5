package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CallcenterTest
class UserAdministrationTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcUserRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.user(users, "users-admin", Role.ADMIN);
    }

    @Test
    void anAdministratorCreatesAUserWhoCanThenSignInWithAHashedPassword() {
        String name = "new-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Response created = api.json("POST", "/api/v1/admin/users", admin, """
                {"username":"%s","displayName":"Әлия Қасымова","password":"%s","roles":["operator"]}"""
                .formatted(name, "a long enough secret"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("displayName").asString()).isEqualTo("Әлия Қасымова");
        assertThat(created.body()).doesNotContain("secret").doesNotContain("password");
        String hash = jdbc.queryForObject("select password_hash from users where username = ?", String.class, name);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("a long enough secret");

        Response again = api.json("POST", "/api/v1/admin/users", admin, """
                {"username":"%s","password":"another long secret","roles":["SUPERVISOR"]}""".formatted(name));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("user-exists");
    }

    @Test
    void weakPasswordsBadNamesAndUnknownRolesAreRefused() {
        assertThat(api.json("POST", "/api/v1/admin/users", admin,
                "{\"username\":\"short-pw\",\"password\":\"short\",\"roles\":[\"OPERATOR\"]}").code())
                .isEqualTo("invalid-request");
        assertThat(api.json("POST", "/api/v1/admin/users", admin,
                "{\"username\":\"Bad Name\",\"password\":\"long enough password\",\"roles\":[\"OPERATOR\"]}")
                .code()).isEqualTo("invalid-request");
        Response role = api.json("POST", "/api/v1/admin/users", admin,
                "{\"username\":\"role-x\",\"password\":\"long enough password\",\"roles\":[\"ROOT\"]}");
        assertThat(role.code()).isEqualTo("invalid-request");
        assertThat(role.json().path("reason").asString()).contains("ROOT");
        assertThat(api.json("POST", "/api/v1/admin/users", admin,
                "{\"username\":\"long-pw\",\"password\":\"" + "ж".repeat(40) + "\",\"roles\":[\"OPERATOR\"]}")
                .code()).as("over bcrypt's 72 bytes").isEqualTo("invalid-request");
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrDemoted() {
        List<String> others = jdbc.queryForList(
                "select username from users where enabled and 'ADMIN' = any(roles) and username <> ?", String.class,
                admin);
        jdbc.update("update users set enabled = false where username = any(?)", (Object) others.toArray(String[]::new));
        // Also an operator: dropping ADMIN is then a demotion, not a self-grant of another role.
        Api.user(users, admin, Role.ADMIN, Role.OPERATOR);
        try {
            Response off = api.json("PUT", "/api/v1/admin/users/" + admin, admin, "{\"enabled\":false}");
            assertThat(off.status()).isEqualTo(409);
            assertThat(off.code()).isEqualTo("last-admin");
            assertThat(api.json("PUT", "/api/v1/admin/users/" + admin, admin, "{\"roles\":[\"OPERATOR\"]}").code())
                    .isEqualTo("last-admin");
            assertThat(repository.enabledAdmins()).isEqualTo(1);
        } finally {
            jdbc.update("update users set enabled = true where username = any(?)", (Object) others.toArray(String[]::new));
        }
    }

    @Test
    void theDemoProfileSeedsOneMarkedUserPerRoleAndOnlyThere() {
        assertThat(DemoUsers.class.getAnnotation(org.springframework.context.annotation.Profile.class).value())
                .containsExactly("demo");
        new DemoUsers(repository, users).run(null);
        for (String name : List.of("demo-operator", "demo-supervisor", "demo-auditor", "demo-admin")) {
            assertThat(repository.find(name)).hasValueSatisfying(u -> {
                assertThat(u.demo()).isTrue();
                assertThat(u.displayName()).startsWith("DEMO");
            });
        }
        assertThat(jdbc.queryForObject("select count(*) from users where demo and username not like 'demo-%'",
                Integer.class)).isZero();
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironmentOnlyWhileThereIsNone() {
        List<String> admins = jdbc.queryForList("select username from users where enabled and 'ADMIN' = any(roles)",
                String.class);
        String name = "boot-" + ThreadLocalRandom.current().nextInt(1_000_000);
        SecurityProperties none = new SecurityProperties(4, new SecurityProperties.BootstrapAdmin("", ""), false);
        SecurityProperties given = new SecurityProperties(4,
                new SecurityProperties.BootstrapAdmin(name, "bootstrap password 1"), false);

        new AdminBootstrap(given, repository, users).run(null);
        assertThat(repository.find(name)).as("administrators exist: nothing created").isEmpty();

        jdbc.update("update users set enabled = false where username = any(?)", (Object) admins.toArray(String[]::new));
        try {
            new AdminBootstrap(none, repository, users).run(null);
            assertThat(repository.enabledAdmins()).as("no default administrator").isZero();
            new AdminBootstrap(given, repository, users).run(null);
            assertThat(repository.find(name)).hasValueSatisfying(u -> assertThat(u.has(Role.ADMIN)).isTrue());
        } finally {
            jdbc.update("update users set enabled = false where username = ?", name);
            jdbc.update("update users set enabled = true where username = any(?)", (Object) admins.toArray(String[]::new));
        }
    }
}
