package kz.line102.callcenter.caller.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.caller.SubscriberImportCommand;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The admin upload and the import command, end to end into PostgreSQL (test limits: 1 MB, batches of 50). */
@CallcenterTest
class SubscriberImportTest {

    static final String IMPORT = "/api/v1/admin/subscribers/import";

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
        admin = Api.user(users, "import-admin", Role.ADMIN);
        // Numbers of their own for each test: +7 701 NNN xx xx, emptied first, since the
        // database keeps earlier runs' rows and 900 prefixes come round again.
        prefix = "701" + ThreadLocalRandom.current().nextInt(100, 999);
        jdbc.update("delete from subscribers where number_e164 like ?", "+7" + prefix + "%");
    }

    String number(int i) {
        return "+7" + prefix + String.format("%04d", i);
    }

    @Test
    void goodRowsLoadAndBadRowsAreReportedWithTheirLineNumbers() {
        String csv = """
                number,name,address,lat,lon
                %s,Әлия Қасымова,"Астана, ул. Достық, 5",51.128,71.430
                not-a-number,Someone,Somewhere,,
                8 %s,"Ұлан ""Үміт"" Һ і",Алматы,,
                102,Service,,,
                %s,Too,many,1,2,3
                %s,Bad lat,Somewhere,95,71
                %s,Half a position,Somewhere,51.1,
                """.formatted(number(1), number(2).substring(2), number(3), number(4), number(5));
        Response r = api.csv(IMPORT + "?source=kazakhtelecom", admin, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.path("rowsRead").asLong()).isEqualTo(7);
        assertThat(report.path("inserted").asLong()).isEqualTo(2);
        assertThat(report.path("rejected").asLong()).isEqualTo(5);
        assertThat(report.path("errors")).extracting(e -> e.path("line").asLong()).containsExactly(3L, 5L, 6L, 7L, 8L);
        assertThat(report.path("errors").get(0).path("reason").asString()).contains("not-a-number");
        assertThat(report.path("errors").get(1).path("reason").asString()).contains("short");
        assertThat(report.path("errors").get(2).path("reason").asString()).contains("6 fields");

        Map<String, Object> first = row(number(1));
        assertThat(first.get("holder_name")).isEqualTo("Әлия Қасымова");
        assertThat(first.get("address")).isEqualTo("Астана, ул. Достық, 5");
        assertThat(first.get("lat")).isEqualTo(51.128);
        assertThat(first.get("source")).isEqualTo("kazakhtelecom");
        assertThat(row(number(2)).get("holder_name")).isEqualTo("Ұлан \"Үміт\" Һ і");
    }

    @Test
    void aReimportUpdatesChangedRowsAndDuplicatesNothing() {
        StringBuilder csv = new StringBuilder("name,number\n");
        IntStream.range(0, 120).forEach(i -> csv.append("Holder ").append(i).append(',').append(number(i)).append('\n'));
        JsonNode first = api.csv(IMPORT, admin, csv.toString().getBytes(StandardCharsets.UTF_8)).json();
        assertThat(first.path("inserted").asLong()).isEqualTo(120);

        String changed = csv.toString().replace("Holder 7,", "Holder seven,").replace("Holder 99,", "Holder 99b,");
        JsonNode second = api.csv(IMPORT, admin, changed.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(second.path("inserted").asLong()).isZero();
        assertThat(second.path("updated").asLong()).isEqualTo(2);
        assertThat(second.path("unchanged").asLong()).isEqualTo(118);
        assertThat(jdbc.queryForObject("select count(*) from subscribers where number_e164 like ?", Long.class,
                "+7" + prefix + "%")).isEqualTo(120);
        assertThat(row(number(7)).get("holder_name")).isEqualTo("Holder seven");
    }

    @Test
    void theLastLineWinsWhenAFileGivesANumberTwice() {
        String csv = "number,name\n%s,First\n8%s,Second\n".formatted(number(1), number(1).substring(2));
        JsonNode report = api.csv(IMPORT, admin, csv.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(report.path("accepted").asLong()).isEqualTo(2);
        assertThat(row(number(1)).get("holder_name")).isEqualTo("Second");
    }

    @Test
    void rowsInAnotherEncodingAreRejectedAndTheUtf8OnesLoad() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("number,name\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes((number(1) + ",Иванов\n").getBytes(Charset.forName("windows-1251")));
        file.writeBytes((number(2) + ",Петров\n").getBytes(StandardCharsets.UTF_8));
        JsonNode report = api.csv(IMPORT, admin, file.toByteArray()).json();
        assertThat(report.path("inserted").asLong()).isEqualTo(1);
        assertThat(report.path("errors").get(0).path("line").asLong()).isEqualTo(2);
        assertThat(report.path("errors").get(0).path("reason").asString()).contains("UTF-8");
        assertThat(row(number(2)).get("holder_name")).isEqualTo("Петров");
    }

    @Test
    void fileLevelProblemsAreClearErrors() {
        assertThat(api.csv(IMPORT, admin, new byte[0]).code()).isEqualTo("invalid-csv-header");
        Response unknown = api.csv(IMPORT, admin, "number,phone\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("reason").asString()).contains("phone");
        assertThat(unknown.json().path("detail").asString()).startsWith("Заголовок файла CSV неверен");
        assertThat(api.csv(IMPORT, admin, "name\nx\n".getBytes(StandardCharsets.UTF_8)).code())
                .isEqualTo("invalid-csv-header");
        byte[] utf16 = "\uFEFFnumber\n+77012345678\n".getBytes(StandardCharsets.UTF_16LE);
        Response r16 = api.csv(IMPORT, admin, utf16);
        assertThat(r16.status()).isEqualTo(415);
        assertThat(r16.code()).isEqualTo("unsupported-encoding");
        Response declared = api.send("POST", IMPORT, admin, "text/csv; charset=windows-1251",
                BodyPublishers.ofString("number\n"));
        assertThat(declared.status()).isEqualTo(415);
        assertThat(api.send("POST", IMPORT, admin, "application/pdf", BodyPublishers.ofString("x")).status())
                .isEqualTo(415);
    }

    @Test
    void anOversizedUploadIsRefusedWith413AndLoadsNothing() {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; csv.length() < 1_200_000; i++) {
            csv.append(number(i % 10_000)).append(",Holder ").append(i).append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);

        Response declared = api.csv(IMPORT, admin, body);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("upload-too-large");

        // No length announced: cut off while streaming, and the transaction rolls back.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.base() + IMPORT))
                .header("Authorization", basic())
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        Response streamed = api.send(chunked);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(jdbc.queryForObject("select count(*) from subscribers where number_e164 like ?", Long.class,
                "+7" + prefix + "%")).isZero();
    }

    @Test
    void theImportCommandLoadsAFileAndPrintsTheReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("subscribers.csv");
        Files.writeString(file, "number,name,address\n%s,Команда,Шымкент\nbad,x,y\n".formatted(number(1)));
        int exit = SubscriberImportCommand.run(new String[] {"--spring.profiles.active=test",
                "--line102.import=" + file, "--line102.import-source=cli-test"});
        assertThat(exit).as("2: some rows rejected").isEqualTo(2);
        assertThat(row(number(1))).containsEntry("holder_name", "Команда").containsEntry("source", "cli-test");
    }

    private Map<String, Object> row(String e164) {
        return jdbc.queryForMap("select * from subscribers where number_e164 = ?", e164);
    }

    private String basic() {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((admin + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

}
