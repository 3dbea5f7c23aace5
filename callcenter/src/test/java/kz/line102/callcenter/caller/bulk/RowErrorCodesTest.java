package kz.line102.callcenter.caller.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A rejected row names its line, the column at fault and a stable code with the values its text needs. */
@CallcenterTest
class RowErrorCodesTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;
    String prefix;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Api.user(users, "import-codes-admin", Role.ADMIN);
        prefix = "702" + ThreadLocalRandom.current().nextInt(100, 999);
        jdbc.update("delete from subscribers where number_e164 like ?", "+7" + prefix + "%");
    }

    @Test
    void eachRejectedRowCarriesItsLineFieldCodeAndArgs() {
        String good = "+7" + prefix + "0001";
        String csv = """
                number,name,address,lat,lon
                %s,Әлия Қасымова,Астана,51.1,71.4
                12ab,Someone,Somewhere,,
                %s,Too,many,1,2,3
                %s,Bad lon,Somewhere,51.1,200
                %s,Half,Somewhere,51.1,
                %s,a "quote" inside,Somewhere,,
                """.formatted(good, "+7" + prefix + "0002", "+7" + prefix + "0003", "+7" + prefix + "0004",
                "+7" + prefix + "0005");
        Response r = api.csv(SubscriberImportTest.IMPORT, admin, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode errors = r.json().path("errors");
        assertThat(r.json().path("inserted").asLong()).isEqualTo(1);
        assertThat(errors).extracting(e -> e.path("line").asLong()).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(errors).extracting(e -> e.path("code").asString())
                .containsExactly("number-invalid", "field-count", "coordinates-invalid", "coordinates-pair",
                        "quote-in-field");
        assertThat(errors.get(0).path("field").asString()).isEqualTo("number");
        assertThat(errors.get(0).path("args").get(0).asString()).isEqualTo("12ab");
        assertThat(errors.get(1).path("field").isNull()).isTrue();
        assertThat(errors.get(1).path("args")).extracting(JsonNode::asInt).containsExactly(6, 5);
        assertThat(errors.get(2).path("field").asString()).isEqualTo("lon");
        assertThat(errors.get(2).path("args").get(0).asString()).isEqualTo("200");
        assertThat(errors.get(3).path("field").asString()).isEqualTo("lon");
        assertThat(errors.get(1).path("reason").asString()).contains("6 fields");
        assertThat(jdbc.queryForObject("select holder_name from subscribers where number_e164 = ?", String.class,
                good)).isEqualTo("Әлия Қасымова");
    }
}
