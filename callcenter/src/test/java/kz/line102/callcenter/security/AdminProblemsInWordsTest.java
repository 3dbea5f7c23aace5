package kz.line102.callcenter.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the admin pages show when a user or a workstation is refused: the precise reason in the
 * request's language (a {@code problem.invalid-request.*} key with its values), never the
 * English sentence meant for the log.
 */
@CallcenterTest
class AdminProblemsInWordsTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.user(users, "words-admin", Role.ADMIN);
    }

    private Response send(String method, String path, String body, String language) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                .method(method, BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((admin + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build());
    }

    @Test
    void aShortPasswordABadUserNameAndAnUnknownRoleAreSaidInRussianAndKazakh() {
        Response shortPassword = send("POST", "/api/v1/admin/users",
                "{\"username\":\"words-new\",\"password\":\"short\",\"roles\":[\"OPERATOR\"]}", "ru");
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().path("key").asString()).isEqualTo("problem.invalid-request.password-short");
        assertThat(shortPassword.json().path("detail").asString()).contains("Пароль").contains("12");

        Response badName = send("POST", "/api/v1/admin/users",
                "{\"username\":\"Жанна\",\"password\":\"long-enough-password\",\"roles\":[\"OPERATOR\"]}", "kk");
        assertThat(badName.json().path("key").asString()).isEqualTo("problem.invalid-request.username");
        assertThat(badName.json().path("detail").asString()).contains("латын");

        Response role = send("POST", "/api/v1/admin/users",
                "{\"username\":\"words-new\",\"password\":\"long-enough-password\",\"roles\":[\"ROOT\"]}", "ru");
        assertThat(role.json().path("detail").asString()).contains("Неизвестная роль «ROOT»");

        Response noReason = send("POST", "/api/v1/admin/users/" + admin + "/role-grants", "{\"role\":\"AUDITOR\"}",
                "kk");
        assertThat(noReason.json().path("key").asString()).isEqualTo("problem.invalid-request.grant-reason");
    }

    @Test
    void aBadExtensionOrInterfaceOfAWorkstationIsNamedInTheAnswer() {
        Response extension = send("POST", "/api/v1/admin/workstations", "{\"name\":\"words-desk\",\"extension\":\"12ab\"}",
                "ru");
        assertThat(extension.status()).isEqualTo(400);
        assertThat(extension.json().path("key").asString()).isEqualTo("problem.invalid-request.workstation-extension");
        assertThat(extension.json().path("detail").asString()).isEqualTo("Внутренний номер «12ab» не подходит: от 2 до 15 цифр.");

        Response name = send("POST", "/api/v1/admin/workstations", "{\"name\":\"стол 1\",\"extension\":\"1234\"}", "kk");
        assertThat(name.json().path("detail").asString()).contains("«стол 1»").contains("жарамсыз");

        Response iface = send("PUT", "/api/v1/admin/workstations/no-such-desk-here", "{\"iface\":\"nope\"}", "en");
        assertThat(iface.code()).isEqualTo("no-such-workstation");
    }
}
