package kz.line102.callcenter.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import kz.line102.callcenter.Api;
import kz.line102.callcenter.Api.Response;
import kz.line102.callcenter.CallcenterTest;
import kz.line102.callcenter.incident.TestCards;
import kz.line102.callcenter.security.Role;
import kz.line102.callcenter.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Entries linked to incident cards by KUI (both ways) and scanned documents attached to them. */
@CallcenterTest
class WatchEntryLinkTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WatchProperties props;

    Api api;
    String duty;
    String operator;
    String auditor;

    @BeforeEach
    void users() {
        api = new Api(port);
        Api.user(users, "watch-admin", Role.ADMIN);
        duty = Api.user(users, "link-duty", Role.SUPERVISOR);
        operator = Api.user(users, "link-operator", Role.OPERATOR);
        auditor = Api.user(users, "link-auditor", Role.AUDITOR);
    }

    private JsonNode entry(String kind, String text) {
        Response r = api.json("POST", "/api/v1/watch/journals/" + kind + "/entries", duty, "{\"text\":\"" + text + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Response upload(String user, long entry, String name, byte[] body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/watch/entries/" + entry
                        + "/attachments?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void anEntryLinksToACardByItsKuiAndTheCardFindsTheEntryAnUnknownKuiIsRefused() {
        String kui = TestCards.registered(api, operator, "CRIMINAL_OFFENCE", "theft", 2, "Абая 10").path("kuiNumber").asString();
        assertThat(kui).isNotBlank();
        JsonNode telegram = entry("telegrams-in", "Телеграмма по краже на Абая 10");
        long id = telegram.get("id").asLong();
        Response linked = api.json("POST", "/api/v1/watch/entries/" + id + "/incidents", duty, "{\"kui\":\"" + kui + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("incidents").findValuesAsString("kuiNumber")).containsExactly(kui);
        // Linking again changes nothing.
        api.json("POST", "/api/v1/watch/entries/" + id + "/incidents", duty, "{\"kui\":\"" + kui + "\"}");
        JsonNode back = api.get("/api/v1/watch/incidents/" + kui + "/entries", duty).json();
        assertThat(back).hasSize(1);
        assertThat(back.get(0).get("entryId").asLong()).isEqualTo(id);
        assertThat(back.get(0).get("kind").asString()).isEqualTo("telegrams-in");

        Response unknown = api.json("POST", "/api/v1/watch/entries/" + id + "/incidents", duty, "{\"kui\":\"000000000000000\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("no-such-kui");
        assertThat(api.get("/api/v1/watch/entries/" + id + "/extras", duty).json().get("incidents")).hasSize(1);
        JsonNode listed = api.get("/api/v1/watch/journals/telegrams-in/entries?number=" + telegram.get("number").asInt()
                + "&year=" + telegram.get("year").asInt(), duty).json().get(0);
        assertThat(listed.get("incidents").get(0).asString()).isEqualTo(kui);
    }

    @Test
    void aCardShowsItsLinkedEntriesAndReportsToJournalReadersOnlyAndAnUnlinkedCardNone() {
        JsonNode card = TestCards.registered(api, operator, "CRIMINAL_OFFENCE", "theft", 1, "Сейфуллина 5");
        String kui = card.path("kuiNumber").asString();
        String incident = card.path("id").asString();
        JsonNode telegram = entry("telegrams-in", "Телеграмма о краже на Сейфуллина 5");
        JsonNode note = entry("notebook", "Выезд на Сейфуллина 5");
        for (JsonNode e : new JsonNode[] {telegram, note}) {
            assertThat(api.json("POST", "/api/v1/watch/entries/" + e.get("id").asLong() + "/incidents", duty,
                    "{\"kui\":\"" + kui + "\"}").status()).isEqualTo(200);
        }
        Response drafted = api.json("POST", "/api/v1/watch/serious-reports", duty, "{\"kui\":\"" + kui + "\"}");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);

        Response links = api.get("/api/v1/watch/links?incident=" + incident, auditor);
        assertThat(links.status()).as(links.body()).isEqualTo(200);
        JsonNode entries = links.json().get("entries");
        assertThat(entries.findValuesAsString("journal")).containsExactly("telegrams-in", "notebook");
        assertThat(entries.get(0).get("number").asInt()).isEqualTo(telegram.get("number").asInt());
        assertThat(entries.get(0).get("year").asInt()).isEqualTo(telegram.get("year").asInt());
        assertThat(entries.get(0).get("at").asString()).isNotBlank();
        assertThat(entries.get(0).get("confidential").asBoolean()).isTrue();
        assertThat(entries.get(1).get("confidential").asBoolean()).isFalse();
        JsonNode reports = links.json().get("reports");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("id").asLong()).isEqualTo(drafted.json().get("id").asLong());
        assertThat(reports.get(0).get("state").asString()).isEqualTo("draft");
        // Reading the confidential register through the card is audited like a search of it.
        assertThat(jdbc.queryForObject("""
                select count(*) from watch_audit where action = 'confidential-read' and actor = ?
                  and detail->>'journal' = 'telegrams-in' and detail->>'incident' = ?""", Integer.class, auditor, incident))
                .isEqualTo(1);

        assertThat(api.get("/api/v1/watch/links?incident=" + incident, duty).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/watch/links?incident=" + incident, operator).status()).isEqualTo(403);
        String other = TestCards.registered(api, operator, "CRIMINAL_OFFENCE", "theft", 2, "Абая 12").path("id").asString();
        JsonNode none = api.get("/api/v1/watch/links?incident=" + other, duty).json();
        assertThat(none.get("entries")).isEmpty();
        assertThat(none.get("reports")).isEmpty();
        Response bad = api.get("/api/v1/watch/links?incident=not-a-card", duty);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("invalid-request");
    }

    @Test
    void aScanIsKeptWithItsHashServedOnlyToJournalReadersAndAFileOverTheLimitIsRefused() throws Exception {
        long id = entry("faxes-in", "Факс из ДП области, скан приложен").get("id").asLong();
        byte[] scan = ("%PDF-1.4 скан " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        Response added = upload(duty, id, "факс №12.pdf", scan);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(scan));
        assertThat(added.json().get("sha256").asString()).isEqualTo(sha);
        assertThat(added.json().get("size").asLong()).isEqualTo(scan.length);
        long attachment = added.json().get("id").asLong();
        assertThat(api.get("/api/v1/watch/journals/faxes-in/entries?q=" + java.net.URLEncoder.encode("скан приложен",
                StandardCharsets.UTF_8), duty).json().findValues("attachments").stream()
                .anyMatch(a -> a.size() == 1 && a.get(0).get("sha256").asString().equals(sha))).isTrue();

        Response read = api.get("/api/v1/watch/attachments/" + attachment, auditor);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Content-SHA256")).isEqualTo(sha);
        assertThat(read.header("Content-Disposition")).startsWith("attachment");
        assertThat(api.get("/api/v1/watch/attachments/" + attachment, operator).status()).isEqualTo(403);
        assertThat(upload(operator, id, "x.pdf", scan).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from watch_audit where action = 'attachment-read' and actor = ?"
                + " and (detail->>'attachment')::bigint = ?", Integer.class, auditor, attachment)).isEqualTo(1);

        Integer before = jdbc.queryForObject("select count(*) from watch_attachments", Integer.class);
        Response big = upload(duty, id, "big.pdf", new byte[(int) props.attachmentMax().toBytes() + 1]);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.code()).isEqualTo("attachment-too-large");
        assertThat(big.header("Content-Type")).startsWith("application/problem+json");
        assertThat(upload(duty, id, "a/b.pdf", scan).status()).isEqualTo(400);
        assertThat(upload(duty, 999_999_999L, "x.pdf", scan).code()).isEqualTo("no-such-entry");
        assertThat(jdbc.queryForObject("select count(*) from watch_attachments", Integer.class)).isEqualTo(before);
    }
}
